package io.reelfm.core.fm;

/**
 * The sample average of an MCMC chain's predictions on rows it does not train on. Averaging the
 * predictions of every sample, not predicting with averaged parameters, is what gives Bayesian FM
 * its accuracy; each sample's prediction is clipped to the target range (regression) or mapped to
 * a probability (classification) before it is averaged.
 */
final class PredictionAverage {

    private final BlockedPredictor predictor;
    private final double[] raw;
    private final double[] sum;
    private final float[] average;
    private final boolean probit;
    private final float minTarget;
    private final float maxTarget;

    PredictionAverage(CoordinateLearner c, FmData rows, int[] groupOf, FmConfig cfg) {
        this.predictor = new BlockedPredictor(c, rows, groupOf, cfg.k());
        this.raw = new double[rows.rows()];
        this.sum = new double[rows.rows()];
        this.average = new float[rows.rows()];
        this.probit = cfg.task() == FmTask.CLASSIFICATION;
        this.minTarget = cfg.minTarget();
        this.maxTarget = cfg.maxTarget();
    }

    /** Adds the predictions of the current parameters as sample number {@code samples} (1-based). */
    void add(FmParams p, int samples) {
        predictor.predict(p, raw);
        for (int r = 0; r < sum.length; r++) {
            double y = raw[r];
            sum[r] += probit ? probitProbability(y)
                    : Math.max(minTarget, Math.min(maxTarget, y));
            average[r] = (float) (sum[r] / samples);
        }
    }

    /** The current averages (live: copy before handing out). */
    float[] averages() {
        return average;
    }

    /** Phi(y) by the logistic approximation 1/(1+exp(-1.702 y)), within 0.01 everywhere. */
    static double probitProbability(double y) {
        return 1.0 / (1.0 + Math.exp(-1.702 * y));
    }
}
