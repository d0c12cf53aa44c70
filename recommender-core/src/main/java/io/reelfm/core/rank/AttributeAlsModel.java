package io.reelfm.core.rank;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.retrieval.ItemMatrix;
import java.util.Arrays;

/**
 * A trained {@link AttributeAls} model: one vector per user and per item (attribute embeddings
 * already summed into the item vectors, so an item nobody rated still has one), score = their dot
 * product, plus the user attribute embeddings a fold-in centres its ridge on. A user outside the
 * training set is folded in from their interactions and profile exactly as the last training
 * pass solved the known ones; with a profile and no interactions they still get a vector.
 * Immutable.
 */
public final class AttributeAlsModel implements RatingPredictor, HistoryScorer {

    private final ImplicitAlsConfig config;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final int users;
    private final int items;
    private final double[] itemGram;
    private final AttributeRows userAttributes;
    private final float[] userEmbeddings;
    private final ItemMatrix matrix;

    AttributeAlsModel(ImplicitAlsConfig config, float[] userFactors, float[] itemFactors, int users, int items,
                      double[] itemGram, AttributeRows userAttributes, float[] userEmbeddings) {
        this.config = config;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.users = users;
        this.items = items;
        this.itemGram = itemGram;
        this.userAttributes = userAttributes;
        this.userEmbeddings = userEmbeddings;
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

    /** The user profile columns the model has embeddings for. */
    public AttributeRows userAttributes() {
        return userAttributes;
    }

    /** A copy of user {@code u}'s trained vector. */
    public float[] userVector(int u) {
        return Arrays.copyOfRange(userFactors, u * k(), u * k() + k());
    }

    /** A copy of item {@code i}'s vector (id part plus attribute embeddings). */
    public float[] itemVector(int i) {
        return Arrays.copyOfRange(itemFactors, i * k(), i * k() + k());
    }

    /** The prior mean of a profile: the sum of the embeddings of its attribute columns (unknown columns count 0). */
    public float[] priorMean(int[] attributeColumns) {
        int k = k();
        float[] m = new float[k];
        for (int a : attributeColumns) {
            if (a < 0 || a >= userAttributes.attributes()) {
                continue;
            }
            for (int f = 0; f < k; f++) {
                m[f] += userEmbeddings[a * k + f];
            }
        }
        return m;
    }

    /** The prior mean of a training-index user, from the profile the model was trained with. */
    public float[] priorMeanOf(int user) {
        return priorMean(userAttributes.of(user));
    }

    /**
     * The vector of a user with these interactions and this prior mean, solved against the trained
     * items: the trainer's own last pass, so a known user's interactions and profile give back
     * their trained vector.
     *
     * @param priorMean from {@link #priorMean}; null for a user without a profile
     */
    public float[] foldIn(int[] itemIndices, float[] ratings, float[] priorMean) {
        float[] weights = new float[ratings.length];
        int[] columns = new int[itemIndices.length];
        for (int p = 0; p < ratings.length; p++) {
            weights[p] = config.weight().of(ratings[p]);
            columns[p] = itemIndices[p] >= 0 && itemIndices[p] < items ? itemIndices[p] : -1;
        }
        return ImplicitFoldIn.solve(itemFactors, k(), itemGram, columns, weights, config.prior(), items, priorMean);
    }

    /** Scores every item for a user vector (e.g. from {@link #foldIn}). */
    public void scoreVector(float[] userVector, float[] out) {
        matrix.scoreAll(userVector, 0f, out);
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
            Arrays.fill(out, 0f);
            return;
        }
        matrix.scoreAll(userVector(user), 0f, out);
    }

    /** A history without a user: no profile, so the ridge is centred on the origin. */
    @Override
    public void scoreHistory(int[] itemIndices, float[] ratings, float[] out) {
        matrix.scoreAll(foldIn(itemIndices, ratings, null), 0f, out);
    }

    /** A history of a user of the index space: their profile's prior mean centres the ridge. */
    @Override
    public void scoreHistory(int user, int[] itemIndices, float[] ratings, float[] out) {
        matrix.scoreAll(foldIn(itemIndices, ratings, priorMeanOf(user)), 0f, out);
    }
}
