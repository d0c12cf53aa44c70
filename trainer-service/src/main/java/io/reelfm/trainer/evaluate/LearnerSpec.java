package io.reelfm.trainer.evaluate;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.eval.baseline.BiasConfig;
import io.reelfm.core.eval.baseline.BiasTrainer;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.fm.FmRatingTrainer;
import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.rank.AttributeAlsTrainer;
import io.reelfm.core.rank.EaseTrainer;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsTrainer;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.rank.PopularityTrainer;
import io.reelfm.core.rank.RankingTuner;
import io.reelfm.core.rank.SideAttributes;
import io.reelfm.trainer.deepfm.DeepFmRatingTrainer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The learner settings of one evaluation run, from the command line or from one combination
 * of a hyperparameter search (the same names: learner, factors, iterations, reg, learn-rate,
 * features), so a search row can be re-run verbatim with the plain command.
 *
 * @param learner mcmc, als, sgd (factorization machines), bias (user+item bias baseline), or a ranking model:
 *        ials (implicit ALS), fm-rank (implicit ALS whose user and item vectors add embeddings of the profile,
 *        genres and decade, so new items and profile-only users are ranked too), ease, pop (most popular), default (what the trainer serves by default: fm-rank with
 *        its standard settings, tuned on a validation slice of each fold, lists calibrated as served), deepfm (that model's best candidates
 *        re-ranked by a DeepFM network; factors = its embedding size, iterations = its epochs)
 * @param factors FM factors k
 * @param iterations MCMC samples, ALS sweeps, SGD epochs or bias passes
 * @param reg L2 on FM factors, or the bias damping; NaN ("auto") picks the learner's tuned
 *        default (ALS 8 with weights 2, SGD 0.12 with weights 0.04, bias 3, as in the accuracy table); linear weights
 *        keep the default's ratio to the factors' value; MCMC learns its own and ignores it
 * @param learnRate SGD step size of the first epoch (decaying, see {@link #SGD_RATE_DECAY})
 * @param features FM feature groups
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which builds it from
 * its options and reads its defaults and feature syntax.
 */
public record LearnerSpec(String learner, int factors, int iterations, double reg, double learnRate, Set<FeatureGroup> features,
        long seed) {

    static final Set<String> LEARNERS = Set.of("mcmc", "als", "sgd", "bias", "ials", "fm-rank", "ease", "pop", "default",
            "deepfm");
    /** Learners whose scores rank items and are not ratings. */
    static final Set<String> RANKING = Set.of("ials", "fm-rank", "ease", "pop", "default", "deepfm");

    public LearnerSpec {
        learner = learner.toLowerCase(Locale.ROOT);
        if (!LEARNERS.contains(learner)) {
            throw new IllegalArgumentException("--learner: '" + learner
                    + "' is not one of mcmc, als, sgd, bias, ials, fm-rank, ease, pop, default, deepfm");
        }
        if (factors < 0) {
            throw new IllegalArgumentException("--factors must be >= 0, got " + factors);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be >= 1, got " + iterations);
        }
        if (!Double.isNaN(reg) && !(reg >= 0)) {
            throw new IllegalArgumentException("--reg must be >= 0, got " + reg);
        }
        if (!(learnRate > 0)) {
            throw new IllegalArgumentException("--learn-rate must be > 0, got " + learnRate);
        }
        features = Set.copyOf(features);
    }

    public static Set<FeatureGroup> parseFeatures(String csv) {
        EnumSet<FeatureGroup> groups = EnumSet.noneOf(FeatureGroup.class);
        for (String raw : csv.split("[,+]")) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                groups.add(FeatureGroup.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--features: '" + raw.trim() + "' is not one of "
                        + EnumSet.allOf(FeatureGroup.class).toString().toLowerCase(Locale.ROOT), e);
            }
        }
        return groups;
    }

    public static String formatFeatures(Set<FeatureGroup> groups) {
        return String.join("+", groups.stream().sorted().map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** A copy with the named parameters replaced (the search's combination). */
    LearnerSpec with(Map<String, String> params) {
        LearnerSpec s = this;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = e.getValue();
            try {
                s = switch (e.getKey()) {
                    case "learner" -> new LearnerSpec(v, s.factors, s.iterations, s.reg, s.learnRate, s.features, s.seed);
                    case "factors" -> new LearnerSpec(s.learner, Integer.parseInt(v), s.iterations, s.reg, s.learnRate, s.features, s.seed);
                    case "iterations" -> new LearnerSpec(s.learner, s.factors, Integer.parseInt(v), s.reg, s.learnRate, s.features, s.seed);
                    case "reg" -> new LearnerSpec(s.learner, s.factors, s.iterations, parseReg(v), s.learnRate, s.features, s.seed);
                    case "learn-rate" -> new LearnerSpec(s.learner, s.factors, s.iterations, s.reg, Double.parseDouble(v), s.features, s.seed);
                    case "features" -> new LearnerSpec(s.learner, s.factors, s.iterations, s.reg, s.learnRate, parseFeatures(v), s.seed);
                    default -> throw new IllegalArgumentException("unknown search parameter '" + e.getKey() + "'");
                };
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("search parameter " + e.getKey() + ": '" + v + "' is not a number", ex);
            }
        }
        return s;
    }

    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("learner", learner);
        m.put("factors", Integer.toString(factors));
        m.put("iterations", Integer.toString(iterations));
        m.put("reg", Double.isNaN(reg) ? "auto" : Double.toString(reg));
        m.put("learn-rate", Double.toString(learnRate));
        m.put("features", formatFeatures(features));
        return m;
    }

    /**
     * Factors when --factors is not given: the served ranking model's 64 for ials/default/fm-rank, DeepFM's embedding size
     * for deepfm, else the FM's 8.
     */
    public static int defaultFactors(String learner) {
        String l = learner.toLowerCase(Locale.ROOT);
        if (l.equals("deepfm")) {
            return DeepFmConfig.defaults().k();
        }
        return implicit(l) ? ImplicitAlsConfig.defaults().factors() : 8;
    }

    /** Iterations when --iterations is not given: iALS's standard sweeps (also fm-rank's), DeepFM's epochs, else 50. */
    public static int defaultIterations(String learner) {
        String l = learner.toLowerCase(Locale.ROOT);
        if (l.equals("deepfm")) {
            return DeepFmConfig.defaults().epochs();
        }
        return implicit(l) ? ImplicitAlsConfig.defaults().iterations() : 50;
    }

    /** The learners trained by implicit alternating least squares, which share its defaults. */
    private static boolean implicit(String learner) {
        return learner.equals("ials") || learner.equals("default") || learner.equals("fm-rank");
    }

    boolean ranking() {
        return RANKING.contains(learner);
    }

    /** "auto" (NaN) or a non-negative number. */
    public static double parseReg(String value) {
        if (value.trim().equalsIgnoreCase("auto")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--reg: '" + value + "' is not a number or auto", e);
        }
    }

    /** Step size of epoch e is {@code learnRate / (1 + SGD_RATE_DECAY * e)}. */
    static final double SGD_RATE_DECAY = 0.05;

    /**
     * @param ranking how the tuner of the ranking learners judges its validation lists (the run's own k and threshold)
     */
    RatingTrainer trainer(SideInfo side, IdIndex users, IdIndex items, RankingConfig ranking) {
        boolean auto = Double.isNaN(reg);
        RankingTuner tuner = RankingTuner.standard(ranking, seed);
        switch (learner) {
            case "pop":
                return new PopularityTrainer();
            case "ease":
                return new EaseTrainer(auto ? 1 : reg, auto ? tuner : null);
            case "default":
                return new AttributeAlsTrainer("default (fm-rank, calibrated)", ImplicitAlsConfig.defaults().withSeed(seed),
                        tuner, SideAttributes.users(side, users), SideAttributes.items(side, items),
                        ItemGenres.of(items, side::genres), ranking.k());
            case "deepfm":
                return new DeepFmRatingTrainer(DeepFmConfig.defaults().withK(factors).withEpochs(iterations).withSeed(seed)
                        .withLiked(ranking.relevantThreshold()), tuner, side, users, items, ranking.k());
            case "fm-rank":
                return attributeTrainer(side, users, items, auto ? tuner : null);
            case "ials": {
                ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withFactors(factors).withIterations(iterations)
                        .withSeed(seed);
                if (auto) {
                    return new ImplicitAlsTrainer("ials-k" + factors, config, tuner);
                }
                return new ImplicitAlsTrainer("ials-k" + factors, config.withPrior(new ImplicitPrior(reg,
                        config.prior().unobservedWeight(), config.prior().exponent())), null);
            }
            default:
                break;
        }
        if (learner.equals("bias")) {
            BiasConfig d = BiasConfig.DEFAULT;
            return new BiasTrainer(auto ? new BiasConfig(iterations, d.userReg(), d.itemReg()) : new BiasConfig(iterations, reg, reg));
        }
        double regV = learner.equals("als") ? (auto ? 8 : reg) : (auto ? 0.12 : reg);
        double regW = learner.equals("als") ? regV / 4 : regV / 3;
        FmConfig config = FmConfig.defaults()
                .withLearner(FmLearner.valueOf(learner.toUpperCase(Locale.ROOT)))
                .withK(factors)
                .withIterations(iterations)
                .withRegularisation(0, regW, regV)
                .withLearningRate(learnRate, SGD_RATE_DECAY)
                .withGroups(features)
                .withSeed(seed);
        return new FmRatingTrainer(config, side, users, items);
    }

    /** fm-rank: iALS settings from the tuner (or --reg), the attributes of the evaluation's users and items. */
    private RatingTrainer attributeTrainer(SideInfo side, IdIndex users, IdIndex items, RankingTuner tuner) {
        ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withFactors(factors).withIterations(iterations)
                .withSeed(seed);
        if (tuner == null) {
            config = config.withPrior(new ImplicitPrior(reg, config.prior().unobservedWeight(), config.prior().exponent()));
        }
        return new AttributeAlsTrainer("fm-rank-k" + factors, config, tuner, SideAttributes.users(side, users),
                SideAttributes.items(side, items));
    }
}
