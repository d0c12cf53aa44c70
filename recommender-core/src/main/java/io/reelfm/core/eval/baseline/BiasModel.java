package io.reelfm.core.eval.baseline;

import io.reelfm.core.eval.RatingPredictor;

/**
 * Global mean plus user and item offsets, clamped to the training rating range. The
 * reference every factor model must beat; immutable and thread-safe.
 */
public final class BiasModel implements RatingPredictor {

    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final float min;
    private final float max;

    BiasModel(float mean, float[] userBias, float[] itemBias, float min, float max) {
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.min = min;
        this.max = max;
    }

    @Override
    public float predict(int user, int item) {
        float p = mean;
        if (user >= 0 && user < userBias.length) {
            p += userBias[user];
        }
        if (item >= 0 && item < itemBias.length) {
            p += itemBias[item];
        }
        return Math.max(min, Math.min(max, p));
    }

    public float mean() {
        return mean;
    }

    public float userBias(int user) {
        return userBias[user];
    }

    public float itemBias(int item) {
        return itemBias[item];
    }
}
