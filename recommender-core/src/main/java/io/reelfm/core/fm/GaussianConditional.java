package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * One parameter's conditional posterior, shared by the row-wise passes of
 * {@link CoordinateLearner} and the block-wise ones of {@link BlockPasses}: both must draw (or,
 * for ALS, solve) the same way so that a blocked group learns exactly what the expanded one would.
 */
final class GaussianConditional {

    private GaussianConditional() {
    }

    /**
     * One parameter's Gibbs draw (or, with no random source, its ALS solution): the Gaussian
     * posterior of theta given the residual sums {@code hh = sum h^2} and {@code he = sum h e} over
     * its rows, noise precision alpha and prior N(mu, 1/lambda).
     */
    static double drawPosterior(double theta, double hh, double he, double alpha, double mu, double lambda,
                                SplittableRandom rnd) {
        double prec = alpha * hh + lambda;
        double mean = (alpha * (theta * hh + he) + lambda * mu) / prec;
        return draw(mean, prec, rnd);
    }

    /** A draw from N(mean, 1/precision), or the mean itself when {@code rnd} is null. */
    static double draw(double mean, double precision, SplittableRandom rnd) {
        return rnd == null ? mean : mean + rnd.nextGaussian() / Math.sqrt(precision);
    }
}
