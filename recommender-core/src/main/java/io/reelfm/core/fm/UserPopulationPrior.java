package io.reelfm.core.fm;

/**
 * The fold-in prior of an MCMC model, estimated from the trained users themselves (empirical
 * Bayes) instead of taken from the sampled hyperparameters. Serving folds a user in against the
 * posterior mean of the item side, a different predictor from any single sample, so the prior
 * that matters is the distribution of user parameters around that mean. By the law of total
 * variance the spread of a user parameter is the spread of its posterior mean over the trained
 * users plus its average posterior variance: the prior of parameter f is {@code N(m_f, s_f^2)}
 * with m_f the mean over users of the posterior means and s_f^2 that total, and the ridge is
 * {@code sigma^2 / s_f^2} with {@code sigma^2} the mean squared training residual of the
 * posterior-mean model, i.e. the noise the fold-in regression actually sees.
 */
final class UserPopulationPrior {

    private UserPopulationPrior() {
    }

    /**
     * @param mean      posterior mean of every parameter
     * @param wVariance posterior variance of every linear weight
     * @param vVariance posterior variance of every factor, layout of {@code mean.v}
     * @param isUser  which features are user ids that had training rows
     * @param data    the training rows, for the residual variance
     * @param targets their targets
     * @return the prior, or {@code fallback} when fewer than two users vary on some parameter
     */
    static FoldInPrior estimate(FmParams mean, double[] wVariance, float[] vVariance, boolean[] isUser, FmData data,
                                float[] targets, FoldInPrior fallback) {
        int k = mean.k;
        double sumW = 0;
        double[] sumV = new double[k];
        int users = 0;
        for (int j = 0; j < mean.n; j++) {
            if (!isUser[j]) {
                continue;
            }
            users++;
            sumW += mean.w[j];
            for (int f = 0; f < k; f++) {
                sumV[f] += mean.v[j * k + f];
            }
        }
        if (users < 2) {
            return fallback;
        }
        double meanW = sumW / users;
        double[] meanV = new double[k];
        for (int f = 0; f < k; f++) {
            meanV[f] = sumV[f] / users;
        }
        double varW = 0;
        double[] varV = new double[k];
        for (int j = 0; j < mean.n; j++) {
            if (!isUser[j]) {
                continue;
            }
            varW += sq(mean.w[j] - meanW) + wVariance[j];
            for (int f = 0; f < k; f++) {
                varV[f] += sq(mean.v[j * k + f] - meanV[f]) + vVariance[j * k + f];
            }
        }
        double sigma2 = residualVariance(mean, data, targets);
        if (!(varW > 0) || !(sigma2 > 0)) {
            return fallback;
        }
        float[] ridgeV = new float[k];
        float[] mv = new float[k];
        for (int f = 0; f < k; f++) {
            if (!(varV[f] > 0)) {
                return fallback;
            }
            ridgeV[f] = (float) (sigma2 / (varV[f] / users));
            mv[f] = (float) meanV[f];
        }
        return new FoldInPrior((float) (sigma2 / (varW / users)), ridgeV, (float) meanW, mv, false);
    }

    static double residualVariance(FmParams p, FmData data, float[] targets) {
        double[] acc = new double[p.k];
        double s = 0;
        for (int r = 0; r < data.rows(); r++) {
            double d = targets[r] - McmcFmTrainer.predictRaw(p, data, r, acc);
            s += d * d;
        }
        return data.rows() == 0 ? 0 : s / data.rows();
    }

    private static double sq(double x) {
        return x * x;
    }
}
