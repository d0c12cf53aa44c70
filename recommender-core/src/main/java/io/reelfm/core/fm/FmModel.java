package io.reelfm.core.fm;

import java.util.Arrays;

/**
 * A trained degree-2 factorization machine (Rendle 2010):
 * {@code y(x) = w0 + sum_j w_j x_j + sum_{j<l} <v_j, v_l> x_j x_l}, evaluated in O(k * nnz) with
 * {@code sum_{j<l} <v_j,v_l> x_j x_l = 1/2 sum_f [(sum_j v_jf x_j)^2 - sum_j v_jf^2 x_j^2]}.
 *
 * <p>Immutable and thread-safe: the arrays are private copies and never handed out, so one
 * instance can be shared by any number of scoring threads. Features past the model's size (seen
 * only after training) contribute nothing. Regression outputs are clipped to the rating scale;
 * classification outputs are logits ({@link #probability} maps them).
 */
public final class FmModel {

    private final FmTask task;
    private final int k;
    private final float w0;
    private final float[] w;
    private final float[] v;
    private final FeatureSpace space;
    private final float minTarget;
    private final float maxTarget;
    private final FoldInPrior foldInPrior;
    private final float[] factorVariance;
    private final float[] itemSideBias;

    /**
     * @param v row-major factors, {@code v[j * k + f]}
     */
    public FmModel(FmTask task, int k, float w0, float[] w, float[] v, FeatureSpace space, float minTarget,
                   float maxTarget, FoldInPrior foldInPrior) {
        this(task, k, w0, w, v, space, minTarget, maxTarget, foldInPrior, null);
    }

    /**
     * @param factorVariance posterior variance of each factor, same layout as {@code v}, or null
     *                       for point estimates (ALS, SGD); MCMC exports it so fold-in can account
     *                       for the uncertainty of the item side
     */
    public FmModel(FmTask task, int k, float w0, float[] w, float[] v, FeatureSpace space, float minTarget,
                   float maxTarget, FoldInPrior foldInPrior, float[] factorVariance) {
        if (factorVariance != null && factorVariance.length != v.length) {
            throw new IllegalArgumentException("factorVariance must hold " + v.length + " values, got "
                    + factorVariance.length);
        }
        this.factorVariance = factorVariance == null ? null : factorVariance.clone();
        this.itemSideBias = null;
        if (v.length != w.length * k) {
            throw new IllegalArgumentException("v must hold w.length * k = " + (w.length * k) + " values, got "
                    + v.length);
        }
        if (space != null && space.size() < w.length) {
            throw new IllegalArgumentException("feature space has " + space.size() + " features, model " + w.length);
        }
        this.task = task;
        this.k = k;
        this.w0 = w0;
        this.w = w.clone();
        this.v = v.clone();
        this.space = space == null ? null : space.copy();
        this.minTarget = minTarget;
        this.maxTarget = maxTarget;
        this.foldInPrior = foldInPrior == null ? FoldInPrior.ridge(0.05f, 0.05f, k) : foldInPrior;
    }

    public FmTask task() {
        return task;
    }

    public int k() {
        return k;
    }

    public int numFeatures() {
        return w.length;
    }

    public float globalBias() {
        return w0;
    }

    public float weight(int feature) {
        return feature < w.length ? w[feature] : 0f;
    }

    public float factor(int feature, int f) {
        return feature < w.length ? v[feature * k + f] : 0f;
    }

    /** The factor vector of one feature, copied into {@code out} (zeros for unknown features). */
    public void factors(int feature, float[] out) {
        if (feature < w.length) {
            System.arraycopy(v, feature * k, out, 0, k);
        } else {
            Arrays.fill(out, 0, k, 0f);
        }
    }

    /** A copy of the feature space the model was trained over (null when trained on raw data). */
    public FeatureSpace space() {
        return space == null ? null : space.copy();
    }

    public float minTarget() {
        return minTarget;
    }

    public float maxTarget() {
        return maxTarget;
    }

    public FoldInPrior foldInPrior() {
        return foldInPrior;
    }

    private FmModel(FmModel m, float[] itemSideBias) {
        this.task = m.task;
        this.k = m.k;
        this.w0 = m.w0;
        this.w = m.w;
        this.v = m.v;
        this.space = m.space;
        this.minTarget = m.minTarget;
        this.maxTarget = m.maxTarget;
        this.foldInPrior = m.foldInPrior;
        this.factorVariance = m.factorVariance;
        this.itemSideBias = itemSideBias.clone();
    }

    /**
     * This model carrying, at each item-id feature, the posterior mean of that item's side
     * constant {@code sum_I w_j x_j + 1/2 (|q_i|^2 - sum_I |v_j x_j|^2)} (NaN where unknown). The
     * constant is quadratic in the factors, so with correlated item-side factors (an item's id
     * and its raters trade off from sample to sample) it differs from the same expression of the
     * posterior means; the item-side snapshot exports it as the item bias. {@link FmModelIo}
     * saves it (format version 2); a model without it falls back to the expression of the means.
     */
    public FmModel withItemSideBias(float[] perFeature) {
        if (perFeature.length != w.length) {
            throw new IllegalArgumentException("itemSideBias must hold " + w.length + " values, got "
                    + perFeature.length);
        }
        return new FmModel(this, perFeature);
    }

    /** The sampled item-side constant of an item-id feature, or NaN when the model has none. */
    public float itemSideBias(int itemFeature) {
        return itemSideBias == null || itemFeature < 0 || itemFeature >= w.length ? Float.NaN
                : itemSideBias[itemFeature];
    }

    /** True when the model carries posterior factor variances (MCMC). */
    public boolean hasFactorVariance() {
        return factorVariance != null;
    }

    /** Posterior variance of v_jf; 0 for point-estimate models and unknown features. */
    public float factorVariance(int feature, int f) {
        return factorVariance == null || feature >= w.length ? 0f : factorVariance[feature * k + f];
    }

    /** The raw model output (unclipped rating, or logit). */
    public double raw(int[] idx, float[] val, int nnz) {
        double sum = w0;
        double pair = 0;
        double[] s = new double[k];
        double sq = 0;
        for (int p = 0; p < nnz; p++) {
            int j = idx[p];
            if (j >= w.length) {
                continue;
            }
            double x = val[p];
            sum += w[j] * x;
            int base = j * k;
            for (int f = 0; f < k; f++) {
                double vx = v[base + f] * x;
                s[f] += vx;
                sq += vx * vx;
            }
        }
        for (int f = 0; f < k; f++) {
            pair += s[f] * s[f];
        }
        return sum + 0.5 * (pair - sq);
    }

    /** The prediction: a rating clipped to the scale (regression) or a logit (classification). */
    public float predict(SparseVector x) {
        return predict(x.indices(), x.values(), x.nnz());
    }

    public float predict(int[] idx, float[] val, int nnz) {
        double r = raw(idx, val, nnz);
        return task == FmTask.REGRESSION ? clip(r) : (float) r;
    }

    /** P(label = 1) for classification models. */
    public float probability(SparseVector x) {
        return (float) (1.0 / (1.0 + Math.exp(-raw(x.indices(), x.values(), x.nnz()))));
    }

    /** Predictions for every row of {@code data}. */
    public float[] predictAll(FmData data) {
        float[] out = new float[data.rows()];
        int[] idx = new int[16];
        float[] val = new float[16];
        for (int r = 0; r < out.length; r++) {
            int n = data.rowEnd(r) - data.rowStart(r);
            if (n > idx.length) {
                idx = new int[n * 2];
                val = new float[n * 2];
            }
            for (int p = 0; p < n; p++) {
                idx[p] = data.col(data.rowStart(r) + p);
                val[p] = data.val(data.rowStart(r) + p);
            }
            out[r] = predict(idx, val, n);
        }
        return out;
    }

    float clip(double r) {
        return (float) Math.max(minTarget, Math.min(maxTarget, r));
    }

    float[] weightsCopy() {
        return w.clone();
    }

    float[] factorsCopy() {
        return v.clone();
    }

    float[] factorVarianceCopy() {
        return factorVariance == null ? null : factorVariance.clone();
    }

    float[] itemSideBiasCopy() {
        return itemSideBias == null ? null : itemSideBias.clone();
    }
}
