package io.reelfm.trainer.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.trainer.content.ContentClusterJob;
import io.reelfm.trainer.model.DeepFmFitter;
import io.reelfm.trainer.model.FmFitter;
import io.reelfm.trainer.model.RankingFitter;
import io.reelfm.trainer.model.SnapshotFitter;

/**
 * One named model the trainer keeps up to date. Keys are {@code reelfm.trainer.model.<name>.*}:
 *
 * @param name         model name as published (no {@code /})
 * @param learner      {@code .learner}: the recommender-core FM learner, {@code als} (full refits by alternating
 *                     least squares), {@code sgd} (full refits by SGD plus online SGD updates between them) or
 *                     {@code mcmc} (Bayesian FM, Gibbs sampling); {@code fm-rank} (the ranking model: implicit ALS
 *                     over ratings as interactions whose vectors add embeddings of the genres, decade and
 *                     profile, {@link RankingFitter}); {@code ials} (the same without attributes); {@code deepfm} (that ranking model's best
 *                     candidates re-ranked by a DeepFM network, {@link DeepFmFitter}); or {@code kmeans} (content
 *                     clusters of the catalogue); default from the name: "kmeans", "sgd", "mcmc", "deepfm", "ials",
 *                     "rank" (fm-rank), else {@code als}
 * @param factors      {@code .factors}, default 32 (8 for mcmc, 64 for the ranking models)
 * @param lambda       {@code .lambda}: L2 regularization of weights and factors (als, sgd; MCMC learns its own),
 *                     default 20 for als, 0.05 for sgd; for the ranking models their regularisation, which when set turns off the
 *                     validation search that otherwise chooses it with the unobserved weight and the liked boost
 * @param iterations   {@code .iterations}: ALS or iALS sweeps, SGD epochs or MCMC samples of a full fit, default 10
 *                     (als), 16 (the ranking models), 20 (sgd, kmeans), 100 (mcmc; a refit on a large set draws
 *                     fewer, {@link io.reelfm.core.fm.McmcSamples#DEFAULT}: 8 at 25M ratings, so the rating model
 *                     keeps within its share of the refit target)
 * @param learningRate {@code .learning-rate}: SGD step, default 0.01
 * @param seed         {@code .seed}: random seed for initialisation and shuffling, default 42
 * @param clusters     {@code .clusters}: k of the k-means content job, or {@code auto} (the default, held as
 *                     {@link ContentClusterJob#AUTO}) to choose k by silhouette from the catalogue at hand
 * @param features     {@code .features}: comma-separated feature groups besides user and item ids, among
 *                     {@code genres}, {@code year} (release decade), {@code profile} (age, gender, occupation),
 *                     {@code implicit} (the items a user rated) and {@code raters} (the users who rated an item);
 *                     default {@code genres,year,profile}; {@code none} for ids only. {@code implicit} and {@code raters} need a learner that
 *                     refits from all ratings (mcmc, als), not sgd's online updates. On MovieLens 100K u1 (mcmc,
 *                     k=8, 100 samples) adding {@code raters} took the served RMSE from 0.8999 to 0.8944 at 2.4
 *                     times the fit time; the ranking model uses none of them
 * @param tune         ranking models only: choose the regularisation on a validation slice (true unless {@code .lambda} is set)
 */
public record ModelSpec(String name, String learner, int factors, double lambda, int iterations, double learningRate,
                        long seed, int clusters, Set<FeatureGroup> features, boolean tune) {

    public ModelSpec(String name, String learner, int factors, double lambda, int iterations, double learningRate,
                     long seed, int clusters, Set<FeatureGroup> features) {
        this(name, learner, factors, lambda, iterations, learningRate, seed, clusters, features, true);
    }

    /** The feature groups a model uses unless {@code .features} says otherwise. */
    public static final Set<FeatureGroup> DEFAULT_FEATURES = Collections.unmodifiableSet(
            EnumSet.of(FeatureGroup.GENRES, FeatureGroup.YEAR, FeatureGroup.PROFILE));
    /** The learners of ranking models, gated on NDCG and fitted by {@link RankingFitter}. */
    private static final Set<String> RANKING = Set.of("fm-rank", "ials", "deepfm");
    private static final Set<FeatureGroup> CHOOSABLE = EnumSet.of(FeatureGroup.GENRES, FeatureGroup.YEAR,
            FeatureGroup.PROFILE, FeatureGroup.IMPLICIT, FeatureGroup.RATERS);

    public ModelSpec {
        String prefix = "reelfm.trainer.model." + name;
        ConfigException.require(name != null && !name.isBlank() && name.indexOf('/') < 0, "reelfm.trainer.models",
                "names must be non-empty without '/', got '" + name + "'");
        ConfigException.require(java.util.Set.of("als", "sgd", "mcmc", "fm-rank", "ials", "deepfm", "kmeans").contains(learner),
                prefix + ".learner", "must be als, sgd, mcmc, fm-rank, ials, deepfm or kmeans, was '" + learner + "'");
        ConfigException.require(clusters == ContentClusterJob.AUTO || clusters >= 2, prefix + ".clusters",
                "must be auto or >= 2, was " + clusters);
        ConfigException.require(factors >= 1 && factors <= 1024, prefix + ".factors", "must be 1..1024, was " + factors);
        ConfigException.require(lambda > 0, prefix + ".lambda", "must be > 0, was " + lambda);
        ConfigException.require(iterations >= 1, prefix + ".iterations", "must be >= 1, was " + iterations);
        ConfigException.require(learningRate > 0 && learningRate < 1, prefix + ".learning-rate",
                "must be in (0, 1), was " + learningRate);
        features = Collections.unmodifiableSet(features.isEmpty() ? EnumSet.noneOf(FeatureGroup.class) : EnumSet.copyOf(features));
        ConfigException.require(CHOOSABLE.containsAll(features), prefix + ".features",
                "must be among genres, year, profile, implicit, raters; was " + features);
        ConfigException.require(!RANKING.contains(learner) || features.isEmpty(),
                prefix + ".features", "the ranking models (fm-rank, ials, deepfm) choose their own inputs; set none");
        ConfigException.require(!"sgd".equals(learner)
                        || !(features.contains(FeatureGroup.IMPLICIT) || features.contains(FeatureGroup.RATERS)),
                prefix + ".features", "implicit and raters need a learner that refits from all ratings (mcmc, als), not sgd");
    }

    static ModelSpec from(Settings s, String name) {
        String prefix = "reelfm.trainer.model." + name + ".";
        String fallback = name.contains("kmeans") ? "kmeans" : name.contains("sgd") ? "sgd" : name.contains("mcmc") ? "mcmc"
                : name.contains("deepfm") ? "deepfm" : name.contains("ials") ? "ials" : name.contains("rank") ? "fm-rank" : "als";
        String learner = s.string(prefix + "learner", fallback).toLowerCase(Locale.ROOT);
        boolean sgd = "sgd".equals(learner);
        boolean mcmc = "mcmc".equals(learner);
        boolean implicit = RANKING.contains(learner);
        ImplicitAlsConfig ranking = ImplicitAlsConfig.defaults();
        return new ModelSpec(name, learner, s.integer(prefix + "factors", mcmc ? 8 : implicit ? ranking.factors() : 32),
                s.decimal(prefix + "lambda", sgd ? 0.05 : implicit ? ranking.prior().reg() : 20.0),
                s.integer(prefix + "iterations", mcmc ? 100 : implicit ? ranking.iterations() : sgd || "kmeans".equals(learner) ? 20 : 10),
                s.decimal(prefix + "learning-rate", 0.01),
                s.longValue(prefix + "seed", 42), clusters(s.string(prefix + "clusters", "auto"), prefix + "clusters"),
                features(s.string(prefix + "features", implicit ? "none" : "genres,year,profile"), prefix + "features"),
                !implicit || s.find(prefix + "lambda").isEmpty());
    }

    private static int clusters(String value, String key) {
        if ("auto".equalsIgnoreCase(value.trim())) {
            return ContentClusterJob.AUTO;
        }
        try {
            int k = Integer.parseInt(value.trim());
            ConfigException.require(k >= 2, key, "must be auto or >= 2, was " + k);
            return k;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be auto or a whole number >= 2, was '" + value + "'");
        }
    }

    private static Set<FeatureGroup> features(String list, String key) {
        Set<FeatureGroup> out = EnumSet.noneOf(FeatureGroup.class);
        if ("none".equalsIgnoreCase(list.trim())) {
            return out;
        }
        for (String name : list.split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            try {
                out.add(FeatureGroup.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "unknown feature group '" + n + "'; known: genres, year, profile, implicit, raters");
            }
        }
        return out;
    }

    private static final int ONLINE_PASSES = 2;

    public static ModelSpec als(String name, int factors, double lambda, int iterations) {
        return new ModelSpec(name, "als", factors, lambda, iterations, 0.01, 42, 20, DEFAULT_FEATURES);
    }

    public static ModelSpec sgd(String name, int factors, double lambda, int epochs, double learningRate) {
        return new ModelSpec(name, "sgd", factors, lambda, epochs, learningRate, 42, 20, DEFAULT_FEATURES);
    }

    public boolean online() {
        return "sgd".equals(learner);
    }

    /** True for the ranking models (fm-rank, ials, and deepfm re-ranking its lists), gated on NDCG of the holdout rather than RMSE. */
    public boolean ranking() {
        return RANKING.contains(learner);
    }

    /** True for the content clustering job, which has no factor learner and no rating holdout. */
    public boolean clustering() {
        return "kmeans".equals(learner);
    }

    /** Snapshot payload kind recorded in manifests: {@code fm} or {@code kmeans}. */
    public String kind() {
        return clustering() ? "kmeans" : "fm";
    }

    /** The FM configuration of this model; its feature groups are used when the topics supply them. */
    public FmConfig fmConfig() {
        FmConfig base = FmConfig.defaults().withK(factors).withIterations(iterations).withSeed(seed)
                .withGroups(features);
        return switch (learner) {
            case "mcmc" -> base;
            case "als" -> base.withLearner(FmLearner.ALS).withRegularisation(0, lambda, lambda);
            case "sgd" -> base.withLearner(FmLearner.SGD).withRegularisation(0, lambda, lambda)
                    .withLearningRate(learningRate, 0);
            default -> throw new IllegalStateException(name + " is not a factorization model (learner " + learner + ")");
        };
    }

    /**
     * The model's fitter; null for the clustering job.
     *
     * @param validation how the ranking model's tuner judges its validation lists (the gate's list length and threshold)
     */
    public SnapshotFitter newFitter(RankingConfig validation) {
        if (clustering()) {
            return null;
        }
        if (ranking()) {
            ImplicitAlsConfig base = ImplicitAlsConfig.defaults().withFactors(factors).withIterations(iterations)
                    .withSeed(seed);
            ImplicitPrior p = base.prior();
            ImplicitAlsConfig retrieval = tune ? base : base.withPrior(new ImplicitPrior(lambda, p.unobservedWeight(), p.exponent()));
            if ("deepfm".equals(learner)) {
                return new DeepFmFitter(new RankingFitter(retrieval, validation, tune, false, false),
                        DeepFmConfig.defaults().withSeed(seed).withLiked(validation.relevantThreshold()), validation.k());
            }
            return new RankingFitter(retrieval, validation, tune, true, "fm-rank".equals(learner));
        }
        return newFitter();
    }

    /** The FM fitter of a rating model; null for the clustering job. */
    public FmFitter newFitter() {
        return clustering() ? null : new FmFitter(fmConfig(), ONLINE_PASSES);
    }
}
