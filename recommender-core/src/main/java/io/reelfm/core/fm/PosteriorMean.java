package io.reelfm.core.fm;

/**
 * Running sums of an MCMC chain's samples, turned into the posterior mean model at the end: the
 * parameters with their per-factor variance, the user group's sampled hyperprior (the fold-in
 * prior's fallback) and, for regression, each item's side constant. Separate from the sampling so
 * that which samples are kept and how they are averaged is decided in one place.
 */
final class PosteriorMean {

    private final int n;
    private final int k;
    private final FmParams mean;
    private final double[] vSq;
    private final double[] wSq;
    private final double[] priorLv;
    private final double[] priorMuV;
    private final ItemSideConstants itemConstants;
    private double priorW;
    private double priorLw;
    private int samples;
    private double[] wVariance;
    private float[] variance;

    /** {@code itemConstants} null: no item side constants are averaged. */
    PosteriorMean(int n, int k, ItemSideConstants itemConstants) {
        this.n = n;
        this.k = k;
        this.mean = new FmParams(n, k);
        this.vSq = new double[n * k];
        this.wSq = new double[n];
        this.priorLv = new double[k];
        this.priorMuV = new double[k];
        this.itemConstants = itemConstants;
    }

    /** Adds the current sample of the parameters and of the user group's hyperprior. */
    void add(FmParams p, NormalGammaHyperpriors h) {
        mean.w0 += p.w0;
        for (int j = 0; j < n; j++) {
            mean.w[j] += p.w[j];
            wSq[j] += p.w[j] * p.w[j];
        }
        for (int i = 0; i < p.v.length; i++) {
            mean.v[i] += p.v[i];
            vSq[i] += p.v[i] * p.v[i];
        }
        int u = FeatureGroup.USER.ordinal();
        priorW += h.muW[u];
        priorLw += h.lambdaW[u] / h.alpha;
        for (int f = 0; f < k; f++) {
            priorLv[f] += h.lambdaV[f][u] / h.alpha;
            priorMuV[f] += h.muV[f][u];
        }
        samples++;
        if (itemConstants != null) {
            itemConstants.add(p);
        }
    }

    /**
     * Divides the sums by the number of samples (once, after the chain) and returns the averaged
     * user-group hyperprior.
     */
    FoldInPrior finish() {
        double s = samples;
        mean.w0 /= s;
        wVariance = new double[n];
        for (int j = 0; j < n; j++) {
            mean.w[j] /= s;
            wVariance[j] = Math.max(0, wSq[j] / s - mean.w[j] * mean.w[j]);
        }
        variance = new float[mean.v.length];
        for (int i = 0; i < mean.v.length; i++) {
            mean.v[i] /= s;
            variance[i] = (float) Math.max(0, vSq[i] / s - mean.v[i] * mean.v[i]);
        }
        float[] mv = new float[k];
        float[] lv = new float[k];
        for (int f = 0; f < k; f++) {
            mv[f] = (float) (priorMuV[f] / s);
            lv[f] = (float) (priorLv[f] / s);
        }
        return new FoldInPrior((float) (priorLw / s), lv, (float) (priorW / s), mv, false);
    }

    /** The fold-in prior estimated from the trained users' posterior means; after {@link #finish}. */
    FoldInPrior userPopulationPrior(boolean[] trainedUsers, FmData data, float[] targets, FoldInPrior fallback) {
        return UserPopulationPrior.estimate(mean, wVariance, variance, trainedUsers, data, targets, fallback);
    }

    /** The posterior mean model; after {@link #finish}. */
    FmModel model(FmConfig cfg, FeatureSpace space, FoldInPrior prior) {
        FmModel meanModel = mean.toModel(cfg, space, prior, variance);
        if (itemConstants != null) {
            meanModel = meanModel.withItemSideBias(itemConstants.means());
        }
        return meanModel;
    }
}
