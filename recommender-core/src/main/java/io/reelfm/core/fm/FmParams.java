package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * Mutable FM parameters in double precision, owned by one learner while it trains. A learner
 * warm-starts by copying an earlier {@link FmModel} into the first features and initialising only
 * the features added since; features with no training rows start (and, unless data arrives,
 * stay) at zero so an unseen id never adds random noise to a score.
 */
final class FmParams {

    final int n;
    final int k;
    double w0;
    final double[] w;
    final double[] v;

    FmParams(int n, int k) {
        this.n = n;
        this.k = k;
        this.w = new double[n];
        this.v = new double[n * k];
    }

    static FmParams init(int n, int k, FmConfig cfg, FmModel warm, int[] columnCounts) {
        if (warm != null && warm.k() != k) {
            throw new IllegalArgumentException("warm start model has k=" + warm.k() + " but config k=" + k);
        }
        FmParams p = new FmParams(n, k);
        SplittableRandom rnd = new SplittableRandom(cfg.seed() ^ 0x5DEECE66DL);
        int kept = warm == null ? 0 : Math.min(n, warm.numFeatures());
        if (warm != null) {
            p.w0 = warm.globalBias();
        }
        for (int j = 0; j < n; j++) {
            for (int f = 0; f < k; f++) {
                double g = rnd.nextGaussian() * cfg.initStdev();
                if (j < kept) {
                    p.v[j * k + f] = warm.factor(j, f);
                } else if (columnCounts == null || columnCounts[j] > 0) {
                    p.v[j * k + f] = g;
                }
            }
            if (j < kept) {
                p.w[j] = warm.weight(j);
            }
        }
        return p;
    }

    FmModel toModel(FmConfig cfg, FeatureSpace space, FoldInPrior prior) {
        return toModel(cfg, space, prior, null);
    }

    FmModel toModel(FmConfig cfg, FeatureSpace space, FoldInPrior prior, float[] factorVariance) {
        float[] wf = new float[n];
        float[] vf = new float[n * k];
        for (int j = 0; j < n; j++) {
            wf[j] = (float) w[j];
        }
        for (int i = 0; i < vf.length; i++) {
            vf[i] = (float) v[i];
        }
        return new FmModel(cfg.task(), k, (float) w0, wf, vf, space, cfg.minTarget(), cfg.maxTarget(), prior,
                factorVariance);
    }

    static int[] columnCounts(FmData data, int n) {
        int[] c = new int[n];
        for (int p = 0; p < data.nnz(); p++) {
            c[data.col(p)]++;
        }
        return c;
    }

    /** Group ordinal per feature: from the space when known, else the USER group. */
    static int[] groupsOf(FeatureSpace space, int n) {
        int[] g = new int[n];
        if (space != null) {
            int[] known = space.groupOrdinals();
            System.arraycopy(known, 0, g, 0, Math.min(n, known.length));
        }
        return g;
    }

    static int numFeatures(FmData data, FeatureSpace space, FmModel warm) {
        int n = data.maxFeature();
        if (space != null) {
            n = Math.max(n, space.size());
        }
        if (warm != null) {
            n = Math.max(n, warm.numFeatures());
        }
        return n;
    }
}
