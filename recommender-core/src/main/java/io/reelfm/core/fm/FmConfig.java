package io.reelfm.core.fm;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything a caller (the evaluation CLI, the trainer) chooses about an FM run, in one typed
 * value so two runs with equal configs and equal data give identical models.
 *
 * @param learner       SGD (online), ALS (closed-form coordinate descent) or MCMC (Gibbs); default MCMC
 * @param task          regression or logistic classification; default REGRESSION
 * @param k             number of factors; default 8
 * @param iterations    epochs (SGD), sweeps (ALS) or samples (MCMC); default 100
 * @param regBias       L2 on the global bias (SGD, ALS); default 0
 * @param regW          L2 on linear weights (SGD, ALS; MCMC learns its own); default 0.01
 * @param regV          L2 on factors (SGD, ALS; MCMC learns its own); default 0.05
 * @param groups        feature groups switched on; USER and ITEM are always added; default USER+ITEM
 * @param seed          seed of every random choice; default 42
 * @param initStdev     stdev of the normal initialisation of factors; default 0.1
 * @param learningRate  SGD step size at the start; default 0.01
 * @param decay         SGD step size at epoch e is {@code learningRate / (1 + decay * e)}; default 0
 * @param minTarget     lower end of the rating scale, predictions are clipped to it; default 1
 * @param maxTarget     upper end of the rating scale; default 5
 * @param groupRegScale per-group multiplier of regW and regV (SGD, ALS), e.g. a weaker prior on
 *                      genre weights than on item ids; absent groups use 1; default empty
 */
public record FmConfig(FmLearner learner, FmTask task, int k, int iterations, double regBias, double regW,
                       double regV, Set<FeatureGroup> groups, long seed, double initStdev, double learningRate,
                       double decay, float minTarget, float maxTarget, Map<FeatureGroup, Double> groupRegScale) {

    public FmConfig {
        if (learner == null) {
            throw new IllegalArgumentException("learner is null");
        }
        if (task == null) {
            throw new IllegalArgumentException("task is null");
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (regBias < 0 || regW < 0 || regV < 0) {
            throw new IllegalArgumentException("regBias, regW and regV must be >= 0, got " + regBias + ", " + regW
                    + ", " + regV);
        }
        if (!(initStdev >= 0)) {
            throw new IllegalArgumentException("initStdev must be >= 0, got " + initStdev);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(decay >= 0)) {
            throw new IllegalArgumentException("decay must be >= 0, got " + decay);
        }
        if (!(minTarget < maxTarget)) {
            throw new IllegalArgumentException("minTarget must be below maxTarget, got " + minTarget + " and "
                    + maxTarget);
        }
        EnumSet<FeatureGroup> g = EnumSet.of(FeatureGroup.USER, FeatureGroup.ITEM);
        if (groups != null) {
            g.addAll(groups);
        }
        groups = Set.copyOf(g);
        groupRegScale = groupRegScale == null ? Map.of() : Map.copyOf(groupRegScale);
        for (Map.Entry<FeatureGroup, Double> e : groupRegScale.entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("groupRegScale of " + e.getKey() + " must be >= 0, got "
                        + e.getValue());
            }
        }
    }

    /** The regularisation multiplier of one group (1 unless configured). */
    public double regScale(FeatureGroup group) {
        return groupRegScale.getOrDefault(group, 1.0);
    }

    /** Sets the regularisation multiplier of one group. */
    public FmConfig withGroupRegScale(FeatureGroup group, double scale) {
        java.util.EnumMap<FeatureGroup, Double> m = new java.util.EnumMap<>(FeatureGroup.class);
        m.putAll(groupRegScale);
        m.put(group, scale);
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, groups, seed, initStdev, learningRate,
                decay, minTarget, maxTarget, m);
    }

    /** The documented defaults: MCMC regression, k=8, 100 samples, user and item ids only. */
    public static FmConfig defaults() {
        return new FmConfig(FmLearner.MCMC, FmTask.REGRESSION, 8, 100, 0, 0.01, 0.05,
                Set.of(), 42L, 0.1, 0.01, 0, 1f, 5f, Map.of());
    }

    /** The rating scale predictions are clipped to; take it from the data (half stars start at 0.5, not 1). */
    public FmConfig withTargetRange(float min, float max) {
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, groups, seed, initStdev, learningRate,
                decay, min, max, groupRegScale);
    }

    /** This config with the target range of {@code ratings}' lowest and highest values (unchanged when empty or one value). */
    public FmConfig withTargetRangeOf(io.reelfm.core.eval.RatingSet ratings) {
        float[] range = ratings.valueRange();
        return task == FmTask.REGRESSION && range != null && range[0] < range[1] ? withTargetRange(range[0], range[1]) : this;
    }

    public FmConfig withLearner(FmLearner l) {
        return new FmConfig(l, task, k, iterations, regBias, regW, regV, groups, seed, initStdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withTask(FmTask t) {
        return new FmConfig(learner, t, k, iterations, regBias, regW, regV, groups, seed, initStdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withK(int factors) {
        return new FmConfig(learner, task, factors, iterations, regBias, regW, regV, groups, seed, initStdev,
                learningRate, decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withIterations(int n) {
        return new FmConfig(learner, task, k, n, regBias, regW, regV, groups, seed, initStdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withRegularisation(double bias, double w, double v) {
        return new FmConfig(learner, task, k, iterations, bias, w, v, groups, seed, initStdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withGroups(Set<FeatureGroup> g) {
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, g, seed, initStdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withSeed(long s) {
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, groups, s, initStdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withInitStdev(double stdev) {
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, groups, seed, stdev, learningRate,
                decay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withLearningRate(double rate, double rateDecay) {
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, groups, seed, initStdev, rate,
                rateDecay, minTarget, maxTarget, groupRegScale);
    }

    public FmConfig withScale(float min, float max) {
        return new FmConfig(learner, task, k, iterations, regBias, regW, regV, groups, seed, initStdev, learningRate,
                decay, min, max, groupRegScale);
    }

    /** A label for reports, e.g. {@code fm-mcmc-k8-USER+ITEM+GENRES}. */
    public String label() {
        StringBuilder b = new StringBuilder("fm-").append(learner.name().toLowerCase()).append("-k").append(k);
        String sep = "-";
        for (FeatureGroup g : FeatureGroup.values()) {
            if (groups.contains(g)) {
                b.append(sep).append(g.name());
                sep = "+";
            }
        }
        return b.toString();
    }
}
