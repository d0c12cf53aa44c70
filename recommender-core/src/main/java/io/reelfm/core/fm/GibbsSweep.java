package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * One sweep of the MCMC chain: noise (or latent targets), bias, the weights' hyperprior and
 * weights, then every factor's hyperprior and factors. The order of these draws fixes the chain's
 * random sequence, so it lives in one place.
 */
final class GibbsSweep {

    /** Residuals are updated incrementally; a full recompute this often bounds rounding drift. */
    private static final int REFRESH_EVERY = 10;

    private final CoordinateLearner c;
    private final FmParams p;
    private final int[] priorOf;
    private final NormalGammaHyperpriors hyper;
    private final ProbitTargets latent;
    private final int rows;
    private final SplittableRandom rnd;
    private final double[] scratch;

    /** {@code latent} null: regression, with the noise precision sampled. */
    GibbsSweep(CoordinateLearner c, FmParams p, int[] priorOf, NormalGammaHyperpriors hyper, ProbitTargets latent,
               int rows, SplittableRandom rnd) {
        this.c = c;
        this.p = p;
        this.priorOf = priorOf;
        this.hyper = hyper;
        this.latent = latent;
        this.rows = rows;
        this.rnd = rnd;
        this.scratch = new double[c.maxColumn()];
    }

    /** Sweep number {@code it} (0-based) over all parameters. */
    void run(int it) {
        if (it % REFRESH_EVERY == 0) {
            c.refresh();
        }
        if (latent != null) {
            latent.sample(c, rnd);
        } else {
            hyper.sampleNoise(rows, c, rnd);
        }
        double alpha = hyper.alpha;
        c.updateBias(alpha, 0.0, rnd);
        hyper.sampleWeightPrior(p, priorOf, c, rnd);
        c.updateWeights(alpha, priorOf, hyper.muW, hyper.lambdaW, rnd);
        int k = p.k;
        for (int f = 0; f < k; f++) {
            hyper.sampleFactorPrior(f, p, priorOf, c, rnd);
        }
        for (int f = 0; f < k; f++) {
            c.updateFactor(f, alpha, priorOf, hyper.muV[f], hyper.lambdaV[f], rnd, scratch);
        }
    }
}
