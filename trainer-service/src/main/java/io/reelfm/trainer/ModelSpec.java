package io.reelfm.trainer;

import java.util.Locale;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.trainer.model.FmFitter;

/**
 * One named model the trainer keeps up to date. Keys are {@code reelfm.trainer.model.<name>.*}:
 *
 * @param name         model name as published (no {@code /})
 * @param learner      {@code .learner}: the recommender-core FM learner, {@code als} (full refits by alternating
 *                     least squares), {@code sgd} (full refits by SGD plus online SGD updates between them) or
 *                     {@code mcmc} (Bayesian FM, Gibbs sampling); or {@code kmeans} (content clusters of the
 *                     catalogue); default from the name: "kmeans", "sgd", "mcmc", else {@code als}
 * @param factors      {@code .factors}, default 32 (8 for mcmc)
 * @param lambda       {@code .lambda}: L2 regularization of weights and factors (als, sgd; MCMC learns its own),
 *                     default 20 for als, 0.05 for sgd
 * @param iterations   {@code .iterations}: ALS sweeps, SGD epochs or MCMC samples of a full fit, default 10 (als),
 *                     20 (sgd, kmeans), 100 (mcmc)
 * @param learningRate {@code .learning-rate}: SGD step, default 0.01
 * @param seed         {@code .seed}: random seed for initialisation and shuffling, default 42
 * @param clusters     {@code .clusters}: k of the k-means content job, default 20
 */
public record ModelSpec(String name, String learner, int factors, double lambda, int iterations, double learningRate,
                        long seed, int clusters) {

    public ModelSpec {
        String prefix = "reelfm.trainer.model." + name;
        ConfigException.require(name != null && !name.isBlank() && name.indexOf('/') < 0, "reelfm.trainer.models",
                "names must be non-empty without '/', got '" + name + "'");
        ConfigException.require(java.util.Set.of("als", "sgd", "mcmc", "kmeans").contains(learner), prefix + ".learner",
                "must be als, sgd, mcmc or kmeans, was '" + learner + "'");
        ConfigException.require(clusters >= 2, prefix + ".clusters", "must be >= 2, was " + clusters);
        ConfigException.require(factors >= 1 && factors <= 1024, prefix + ".factors", "must be 1..1024, was " + factors);
        ConfigException.require(lambda > 0, prefix + ".lambda", "must be > 0, was " + lambda);
        ConfigException.require(iterations >= 1, prefix + ".iterations", "must be >= 1, was " + iterations);
        ConfigException.require(learningRate > 0 && learningRate < 1, prefix + ".learning-rate",
                "must be in (0, 1), was " + learningRate);
    }

    static ModelSpec from(Settings s, String name) {
        String prefix = "reelfm.trainer.model." + name + ".";
        String fallback = name.contains("kmeans") ? "kmeans" : name.contains("sgd") ? "sgd" : name.contains("mcmc") ? "mcmc" : "als";
        String learner = s.string(prefix + "learner", fallback).toLowerCase(Locale.ROOT);
        boolean sgd = "sgd".equals(learner);
        boolean mcmc = "mcmc".equals(learner);
        return new ModelSpec(name, learner, s.integer(prefix + "factors", mcmc ? 8 : 32), s.decimal(prefix + "lambda", sgd ? 0.05 : 20.0),
                s.integer(prefix + "iterations", mcmc ? 100 : sgd || "kmeans".equals(learner) ? 20 : 10), s.decimal(prefix + "learning-rate", 0.01),
                s.longValue(prefix + "seed", 42), s.integer(prefix + "clusters", 20));
    }

    private static final int ONLINE_PASSES = 2;

    public static ModelSpec als(String name, int factors, double lambda, int iterations) {
        return new ModelSpec(name, "als", factors, lambda, iterations, 0.01, 42, 20);
    }

    public static ModelSpec sgd(String name, int factors, double lambda, int epochs, double learningRate) {
        return new ModelSpec(name, "sgd", factors, lambda, epochs, learningRate, 42, 20);
    }

    public boolean online() {
        return "sgd".equals(learner);
    }

    /** True for the content clustering job, which has no factor learner and no rating holdout. */
    public boolean clustering() {
        return "kmeans".equals(learner);
    }

    /** Snapshot payload kind recorded in manifests: {@code fm} or {@code kmeans}. */
    public String kind() {
        return clustering() ? "kmeans" : "fm";
    }

    /** The FM configuration of this model; side features are always on and used when the topics supply them. */
    public FmConfig fmConfig() {
        FmConfig base = FmConfig.defaults().withK(factors).withIterations(iterations).withSeed(seed)
                .withGroups(FmFitter.SIDE_FEATURES);
        return switch (learner) {
            case "mcmc" -> base;
            case "als" -> base.withLearner(FmLearner.ALS).withRegularisation(0, lambda, lambda);
            case "sgd" -> base.withLearner(FmLearner.SGD).withRegularisation(0, lambda, lambda)
                    .withLearningRate(learningRate, 0);
            default -> throw new IllegalStateException(name + " is not a factorization model (learner " + learner + ")");
        };
    }

    /** The model's FM fitter; null for the clustering job. */
    public FmFitter newFitter() {
        return clustering() ? null : new FmFitter(fmConfig(), ONLINE_PASSES);
    }
}
