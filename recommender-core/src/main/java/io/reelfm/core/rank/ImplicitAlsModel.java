package io.reelfm.core.rank;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.retrieval.ItemMatrix;

/**
 * A trained implicit model: one vector per user and per item, score = their dot product. The
 * scores rank items; they are not ratings. A user outside the training set is folded in from
 * their interactions ({@link #foldIn}) exactly as the last training pass solved the known ones.
 * Immutable.
 */
public final class ImplicitAlsModel implements RatingPredictor, HistoryScorer {

    private final ImplicitAlsConfig config;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final int users;
    private final int items;
    private final double[] itemGram;
    private final ItemMatrix matrix;

    ImplicitAlsModel(ImplicitAlsConfig config, float[] userFactors, float[] itemFactors, int users, int items,
                     double[] itemGram) {
        this.config = config;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.users = users;
        this.items = items;
        this.itemGram = itemGram;
        this.matrix = new ItemMatrix(itemFactors, new float[items], config.factors());
    }

    public ImplicitAlsConfig config() {
        return config;
    }

    public int k() {
        return config.factors();
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** A copy of user {@code u}'s trained vector. */
    public float[] userVector(int u) {
        return java.util.Arrays.copyOfRange(userFactors, u * k(), u * k() + k());
    }

    /** A copy of all item vectors, row-major. */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    /** The vector of a user with these interactions, solved against the trained items. */
    public float[] foldIn(int[] itemIndices, float[] ratings) {
        return foldIn(itemIndices, ratings, null);
    }

    /**
     * The same with the ridge centred on {@code priorMean} (the attribute model's profile prior,
     * {@link AttributeAlsModel}); null centres it on the origin.
     */
    float[] foldIn(int[] itemIndices, float[] ratings, float[] priorMean) {
        float[] weights = new float[ratings.length];
        int[] columns = new int[itemIndices.length];
        for (int p = 0; p < ratings.length; p++) {
            weights[p] = config.weight().of(ratings[p]);
            columns[p] = itemIndices[p] >= 0 && itemIndices[p] < items ? itemIndices[p] : -1;
        }
        return ImplicitFoldIn.solve(itemFactors, k(), itemGram, columns, weights, config.prior(), items, priorMean);
    }

    @Override
    public float predict(int user, int item) {
        if (user < 0 || user >= users || item < 0 || item >= items) {
            return 0f;
        }
        double s = 0;
        int k = k();
        for (int f = 0; f < k; f++) {
            s += userFactors[user * k + f] * itemFactors[item * k + f];
        }
        return (float) s;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        if (user < 0 || user >= users) {
            java.util.Arrays.fill(out, 0f);
            return;
        }
        matrix.scoreAll(userVector(user), 0f, out);
    }

    @Override
    public void scoreHistory(int[] itemIndices, float[] ratings, float[] out) {
        scoreVector(foldIn(itemIndices, ratings), out);
    }

    /** Scores every item for a user vector (e.g. from {@link #foldIn}). */
    public void scoreVector(float[] userVector, float[] out) {
        matrix.scoreAll(userVector, 0f, out);
    }
}
