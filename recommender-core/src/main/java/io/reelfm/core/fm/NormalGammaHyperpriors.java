package io.reelfm.core.fm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sampled hyperparameters of an MCMC chain: per hyperprior group the mean and precision of
 * the linear weights' prior and of each factor's, and the noise precision alpha. Kept together
 * because every parameter draw reads them and the posterior mean averages them into the fold-in
 * prior. Hyperpriors as in libFM: alpha_0 = beta_0 = 1 for the noise, alpha_lambda = beta_lambda = 1,
 * mu_0 = 0, gamma_0 = 1.
 */
final class NormalGammaHyperpriors {

    static final int GROUPS = FeatureGroup.values().length;

    final double[] muW = new double[GROUPS];
    final double[] lambdaW = AlsFmTrainer.filled(GROUPS, 1.0);
    final double[][] muV;
    final double[][] lambdaV;
    /** Noise precision; stays 1 under the probit link. */
    double alpha = 1.0;

    NormalGammaHyperpriors(int k) {
        muV = new double[k][GROUPS];
        lambdaV = new double[k][GROUPS];
        for (double[] l : lambdaV) {
            Arrays.fill(l, 1.0);
        }
    }

    /** Draws alpha from its Gamma conditional given the learner's current residuals. */
    void sampleNoise(int rows, CoordinateLearner c, SplittableRandom rnd) {
        alpha = Gamma.sample((1.0 + rows) / 2.0, (1.0 + c.sumSquaredResiduals()) / 2.0, rnd);
    }

    /** Draws the linear weights' prior of every group. */
    void sampleWeightPrior(FmParams p, int[] priorOf, CoordinateLearner c, SplittableRandom rnd) {
        sample(p.w, 1, 0, priorOf, c, muW, lambdaW, rnd);
    }

    /** Draws factor f's prior of every group. */
    void sampleFactorPrior(int f, FmParams p, int[] priorOf, CoordinateLearner c, SplittableRandom rnd) {
        sample(p.v, p.k, f, priorOf, c, muV[f], lambdaV[f], rnd);
    }

    /**
     * Draws (mu, lambda) of one group from its Normal-Gamma conditional, over the features of that
     * group that have data (a feature with no rows carries no evidence).
     */
    private static void sample(double[] params, int stride, int offset, int[] groupOf, CoordinateLearner c,
                               double[] mu, double[] lambda, SplittableRandom rnd) {
        double[] sum = new double[GROUPS];
        int[] count = new int[GROUPS];
        int n = groupOf.length;
        for (int j = 0; j < n; j++) {
            if (c.hasData(j)) {
                sum[groupOf[j]] += params[j * stride + offset];
                count[groupOf[j]]++;
            }
        }
        double[] sq = new double[GROUPS];
        for (int j = 0; j < n; j++) {
            if (c.hasData(j)) {
                double d = params[j * stride + offset] - mu[groupOf[j]];
                sq[groupOf[j]] += d * d;
            }
        }
        for (int g = 0; g < GROUPS; g++) {
            if (count[g] == 0) {
                continue;
            }
            double shape = (1.0 + count[g] + 1.0) / 2.0;
            double rate = (1.0 + mu[g] * mu[g] + sq[g]) / 2.0;
            lambda[g] = Gamma.sample(shape, rate, rnd);
            double m = sum[g] / (count[g] + 1.0);
            mu[g] = m + rnd.nextGaussian() / Math.sqrt((count[g] + 1.0) * lambda[g]);
        }
    }
}
