package io.reelfm.core.fm;

import java.util.Arrays;

/**
 * The prior a user's own parameters are folded in under: a Gaussian centred on {@code meanW} /
 * {@code meanV} with precisions {@code ridgeW} / {@code ridgeV}, expressed relative to the noise
 * precision so that it is directly the ridge of a least-squares solve. Each learner exports the
 * prior it effectively trained under (ALS: its regularisation; MCMC: the sampled user-group
 * hyperparameters divided by the noise precision; SGD: its per-event regularisation times the
 * user's rating count), so the served predictor agrees with the trained one.
 *
 * @param perRating when true the ridge is multiplied by the user's number of ratings (SGD)
 */
public record FoldInPrior(float ridgeW, float[] ridgeV, float meanW, float[] meanV, boolean perRating) {

    public FoldInPrior {
        if (!(ridgeW >= 0)) {
            throw new IllegalArgumentException("ridgeW must be >= 0, got " + ridgeW);
        }
        if (ridgeV.length != meanV.length) {
            throw new IllegalArgumentException("ridgeV and meanV differ in length: " + ridgeV.length + " vs "
                    + meanV.length);
        }
        for (float r : ridgeV) {
            if (!(r >= 0)) {
                throw new IllegalArgumentException("ridgeV must be >= 0, got " + r);
            }
        }
        ridgeV = ridgeV.clone();
        meanV = meanV.clone();
    }

    /** Zero-mean ridge, the same for every factor. */
    public static FoldInPrior ridge(float ridgeW, float ridgeV, int k) {
        return uniform(ridgeW, ridgeV, 0f, new float[k], false);
    }

    /** The same factor ridge for all k factors. */
    public static FoldInPrior uniform(float ridgeW, float ridgeV, float meanW, float[] meanV, boolean perRating) {
        float[] r = new float[meanV.length];
        java.util.Arrays.fill(r, ridgeV);
        return new FoldInPrior(ridgeW, r, meanW, meanV, perRating);
    }

    /** Per-factor ridge: MCMC samples one prior precision per factor, and they differ widely. */
    @Override
    public float[] ridgeV() {
        return ridgeV.clone();
    }

    @Override
    public float[] meanV() {
        return meanV.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldInPrior p && p.ridgeW == ridgeW && Arrays.equals(p.ridgeV, ridgeV) && p.meanW == meanW
                && Arrays.equals(p.meanV, meanV) && p.perRating == perRating;
    }

    @Override
    public int hashCode() {
        return Float.hashCode(ridgeW) * 31 + Arrays.hashCode(meanV);
    }
}
