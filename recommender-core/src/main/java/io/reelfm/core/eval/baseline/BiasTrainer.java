package io.reelfm.core.eval.baseline;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import java.util.Arrays;

/**
 * Fits {@link BiasModel} by alternating damped means: item offsets from residuals after user
 * offsets, then user offsets from residuals after item offsets (coordinate descent on the
 * regularised squared error). Deterministic: no randomness at all.
 */
public final class BiasTrainer implements RatingTrainer {

    private final BiasConfig config;

    public BiasTrainer(BiasConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "bias";
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("train has no ratings");
        }
        float mean = (float) train.mean();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < train.size(); r++) {
            min = Math.min(min, train.value(r));
            max = Math.max(max, train.value(r));
        }
        float[] userBias = new float[train.numUsers()];
        float[] itemBias = new float[train.numItems()];
        double[] sum = new double[Math.max(train.numUsers(), train.numItems())];
        int[] count = new int[sum.length];
        BiasModel model = null;
        for (int it = 1; it <= config.iterations(); it++) {
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int r = 0; r < train.size(); r++) {
                sum[train.item(r)] += train.value(r) - mean - userBias[train.user(r)];
                count[train.item(r)]++;
            }
            for (int i = 0; i < itemBias.length; i++) {
                itemBias[i] = (float) (sum[i] / (count[i] + config.itemReg() + 1e-12));
            }
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int r = 0; r < train.size(); r++) {
                sum[train.user(r)] += train.value(r) - mean - itemBias[train.item(r)];
                count[train.user(r)]++;
            }
            for (int u = 0; u < userBias.length; u++) {
                userBias[u] = (float) (sum[u] / (count[u] + config.userReg() + 1e-12));
            }
            model = new BiasModel(mean, userBias.clone(), itemBias.clone(), min, max);
            listener.onIteration(it, model);
        }
        return model;
    }
}
