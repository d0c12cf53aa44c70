package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.metrics.RankingEvaluator;
import io.reelfm.core.eval.metrics.RankingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Chooses a ranking model's regularisation on the data at hand: a seeded share of each user's
 * interactions is set aside as a validation slice, candidates are fitted on the rest and the one
 * with the best NDCG on the slice wins. No constant tuned on one data set is trusted elsewhere;
 * the search is centred on values derived from the data (density, mean item count) and stops at
 * a time budget, keeping the best seen. On a set too large for several candidates to fit within
 * the budget, candidates fit on a {@link SearchSample} of whole users sized from the budget, so
 * the searches compare settings at 25M ratings as they do at 100K; smaller sets are used whole.
 */
public final class RankingTuner {

    /** One fitted candidate and how it ranked the validation slice. */
    public record Trial(String label, double ndcg, double precision, double seconds) {
    }

    /** The winner and every trial, in the order tried. */
    public record Result<P>(P best, List<Trial> trials) {
    }

    private final RankingConfig ranking;
    private final ValidationSlice validation;
    private final Duration budget;
    private final long seed;
    private final SearchSample sample;

    /**
     * @param ranking how the validation lists are judged (the evaluation's own list length and threshold)
     * @param share   share of each user's interactions set aside (users with fewer than 5 keep all)
     * @param budget  search time after which no new candidate is started; also sizes the search sample
     */
    public RankingTuner(RankingConfig ranking, double share, long seed, Duration budget) {
        this(ranking, share, seed, budget, null);
    }

    /**
     * @param sample which ratings candidates fit on; null to size it from the budget, the sweeps of
     *               the settings searched and the cores available
     */
    public RankingTuner(RankingConfig ranking, double share, long seed, Duration budget, SearchSample sample) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share must be in (0, 1), got " + share);
        }
        this.ranking = ranking;
        this.validation = new ValidationSlice(share, seed);
        this.budget = budget;
        this.seed = seed;
        this.sample = sample;
    }

    /**
     * The tuner the trainer and {@code reelfm evaluate --learner default} share: 10 % of each
     * user's interactions for validation, at most one minute of search.
     */
    public static RankingTuner standard(RankingConfig ranking, long seed) {
        return new RankingTuner(ranking, 0.1, seed, Duration.ofSeconds(60));
    }

    /**
     * {fit, validation}: a random {@code share} of the rows of each user with at least 5, seeded.
     * At most {@value ValidationSlice#MAX_VALIDATION_USERS} users give validation rows, so ranking
     * the validation lists costs the same at 25M ratings as at 100K.
     */
    public RatingSet[] slice(RatingSet train) {
        return validation.split(train);
    }

    /**
     * The sample the searches under settings {@code searched} fit their candidates on: the one
     * given at construction, or one that lets {@value SearchSample#CANDIDATES} candidates of half
     * {@code searched}'s sweeps fit within the budget on this machine's cores.
     */
    public SearchSample sampleFor(ImplicitAlsConfig searched) {
        return sample != null ? sample : SearchSample.forBudget(budget, probeSweeps(searched),
                Runtime.getRuntime().availableProcessors(), seed);
    }

    private static int probeSweeps(ImplicitAlsConfig config) {
        return Math.max(4, config.iterations() / 2);
    }

    /**
     * Regularisation of EASE: lambda on a grid relative to the mean number of interactions per
     * item (the diagonal of X^T X that lambda competes with), 0.25 to 32 times.
     */
    public Result<Double> ease(RatingSet train) {
        RatingSet[] parts = slice(train);
        Interactions fit = Interactions.of(parts[0], InteractionWeight.UNIFORM);
        double meanCount = fit.items() == 0 ? 1 : Math.max(1, fit.size() / (double) fit.items());
        List<Double> grid = new ArrayList<>();
        for (double m : new double[] {0.25, 0.5, 1, 2, 4, 8, 16, 32}) {
            grid.add(m * meanCount);
        }
        return line(grid, lambda -> new Ease(lambda).train(fit), parts, l -> String.format(java.util.Locale.ROOT,
                "lambda=%.1f", l));
    }

    /**
     * Regularisation, unobserved weight and liked-rating boost of iALS by coordinate search. The
     * unobserved weight starts at 10 times the density (all unobserved cells together then weigh
     * about ten times the observed ones), the regularisation at the base config's, the boost at
     * 1 on the data's own rating scale; each is doubled or halved (the boost also tried at 0)
     * while that improves validation NDCG by more than 0.001. Candidates train with half the
     * sweeps, which orders settings the same way at half the cost.
     */
    public Result<ImplicitAlsConfig> ials(RatingSet train, ImplicitAlsConfig base) {
        return new IalsSearch(ranking, budget, validation, sampleFor(base)).run(train, base);
    }

    /**
     * Candidate attribute strengths of {@link AttributeAls}, 1 to 4096, in the order they are tried:
     * the geometric centre of the range first, then outward. On a large data set the time budget may
     * allow only the first, which is then the one served, so it must be the middle of the range
     * rather than an end.
     */
    private static final double[] ATTRIBUTE_STRENGTH = {64, 16, 256, 4, 1024, 1, 4096};

    /**
     * The attribute strength of {@link AttributeAls} under settings {@code chosen} (from
     * {@link #ials}): the candidate with the best validation NDCG among those tried within the time
     * budget (all of them on MovieLens-sized data). Fitted with half the sweeps on the search
     * sample, like the iALS search.
     */
    public Result<Double> attributeStrength(RatingSet train, ImplicitAlsConfig chosen, AttributeRows users,
                                            AttributeRows items) {
        SearchSample.Sample drawn = sampleFor(chosen).of(train);
        AttributeRows sampleUsers = drawn.users(users);
        RatingSet[] parts = slice(drawn.ratings());
        Interactions fit = Interactions.of(parts[0], chosen.weight());
        ImplicitAlsConfig probe = chosen.withIterations(probeSweeps(chosen));
        List<Double> grid = new ArrayList<>();
        for (double s : ATTRIBUTE_STRENGTH) {
            grid.add(s);
        }
        return line(grid, s -> new AttributeAls(probe, s).train(fit, sampleUsers, items, ImplicitAls.SweepListener.NONE,
                ValidationSlice.validatedUsers(parts[1])), parts, s -> "attribute strength=" + s);
    }

    /**
     * Fits one candidate model on the fit part of a validation slice (only the validated users need
     * exact vectors); {@code users} are the attribute rows of the slice's users, which are those of
     * the search sample rather than of the full set when that is sampled.
     */
    @FunctionalInterface
    public interface SliceFit {
        RatingPredictor fit(Interactions fit, AttributeRows users, IntPredicate validatedUsers);
    }

    /** Candidate calibration strengths, weakest first. */
    private static final double[] CALIBRATION = {0.1, 0.2, 0.3, 0.4, 0.5};
    /** Share of the uncalibrated model's validation NDCG that calibration may cost. */
    static final double CALIBRATION_COST = 0.02;

    /**
     * How strongly lists are calibrated to each user's genre mix: the largest lambda whose
     * validation NDCG stays within {@value #CALIBRATION_COST} (as a share) of the uncalibrated
     * model's, so lists follow a user's taste as far as that costs almost nothing in accuracy; 0
     * when items carry no genres.
     */
    public Result<Double> calibration(RatingSet train, ImplicitAlsConfig chosen, GenreSource genres) {
        return calibration(train, chosen, genres, AttributeRows.none(train.numUsers()),
                (fit, users, validated) -> new ImplicitAls(chosen).train(fit, ImplicitAls.SweepListener.NONE, validated));
    }

    /**
     * The same for the model {@code model} fits (e.g. the attribute model at its chosen strength),
     * with interactions weighted as {@code chosen} weighs them; {@code users} are the attribute rows
     * of {@code train}'s users, handed to {@code model} as those of the slice's users. On a sampled
     * set the uncalibrated reference fit runs on the search sample, so the budget is left for the
     * strengths themselves.
     */
    public Result<Double> calibration(RatingSet train, ImplicitAlsConfig chosen, GenreSource genres,
                                      AttributeRows users, SliceFit model) {
        List<Trial> trials = new ArrayList<>();
        if (genres.count() == 0) {
            return new Result<>(0.0, trials);
        }
        long start = System.nanoTime();
        SearchSample.Sample drawn = sampleFor(chosen).of(train);
        RatingSet[] parts = slice(drawn.ratings());
        Interactions fit = Interactions.of(parts[0], chosen.weight());
        RatingPredictor fitted = model.fit(fit, drawn.users(users), ValidationSlice.validatedUsers(parts[1]));
        RankingEvaluator evaluator = new RankingEvaluator(ranking);
        double plain = evaluator.evaluate(parts[0], parts[1], fitted).ndcg();
        trials.add(new Trial("calibration=0", plain, Double.NaN, (System.nanoTime() - start) / 1e9));
        double best = 0;
        for (double lambda : CALIBRATION) {
            if (over(start)) {
                break;
            }
            long t0 = System.nanoTime();
            CalibratedModel calibrated = new CalibratedModel(fitted, fit, new CalibratedReranker(genres, lambda), ranking.k());
            RankingResult r = evaluator.evaluate(parts[0], parts[1], calibrated);
            trials.add(new Trial("calibration=" + lambda, r.ndcg(), r.precision(), (System.nanoTime() - t0) / 1e9));
            if (r.ndcg() < plain * (1 - CALIBRATION_COST)) {
                break;
            }
            best = lambda;
        }
        return new Result<>(best, trials);
    }

    private boolean over(long start) {
        return System.nanoTime() - start > budget.toNanos();
    }

    private <P> Result<P> line(List<P> grid, Function<P, RatingPredictor> fit, RatingSet[] parts,
                               Function<P, String> label) {
        long start = System.nanoTime();
        List<Trial> trials = new ArrayList<>();
        P best = grid.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (P candidate : grid) {
            if (!trials.isEmpty() && over(start)) {
                break;
            }
            long t0 = System.nanoTime();
            RankingResult r = new RankingEvaluator(ranking).evaluate(parts[0], parts[1], fit.apply(candidate));
            trials.add(new Trial(label.apply(candidate), r.ndcg(), r.precision(), (System.nanoTime() - t0) / 1e9));
            if (r.ndcg() > bestScore) {
                bestScore = r.ndcg();
                best = candidate;
            }
        }
        return new Result<>(best, trials);
    }
}
