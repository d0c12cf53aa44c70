package io.reelfm.core.rank;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;

/**
 * A trained {@link AttributeAls} model: the user and item vectors of an {@link ImplicitAlsModel}
 * (attribute embeddings already summed into the item vectors, so an item nobody rated still has
 * one), plus the user attribute embeddings a fold-in centres its ridge on. A user outside the
 * training set is folded in from their interactions and profile exactly as the last training
 * pass solved the known ones; with a profile and no interactions they still get a vector.
 * Immutable.
 */
public final class AttributeAlsModel implements RatingPredictor, HistoryScorer {

    private final ImplicitAlsModel factors;
    private final AttributeRows userAttributes;
    private final float[] userEmbeddings;

    AttributeAlsModel(ImplicitAlsModel factors, AttributeRows userAttributes, float[] userEmbeddings) {
        this.factors = factors;
        this.userAttributes = userAttributes;
        this.userEmbeddings = userEmbeddings;
    }

    public ImplicitAlsConfig config() {
        return factors.config();
    }

    public int k() {
        return factors.k();
    }

    public int users() {
        return factors.users();
    }

    public int items() {
        return factors.items();
    }

    /** The user profile columns the model has embeddings for. */
    public AttributeRows userAttributes() {
        return userAttributes;
    }

    /** The interaction model underneath: user vectors and item vectors with the attribute embeddings summed in. */
    public ImplicitAlsModel vectors() {
        return factors;
    }

    /** A copy of the embedding of user attribute column {@code attribute}. */
    public float[] userEmbedding(int attribute) {
        return java.util.Arrays.copyOfRange(userEmbeddings, attribute * k(), attribute * k() + k());
    }

    /** A copy of user {@code u}'s trained vector. */
    public float[] userVector(int u) {
        return factors.userVector(u);
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
        return factors.foldIn(itemIndices, ratings, priorMean);
    }

    /** Scores every item for a user vector (e.g. from {@link #foldIn}). */
    public void scoreVector(float[] userVector, float[] out) {
        factors.scoreVector(userVector, out);
    }

    @Override
    public float predict(int user, int item) {
        return factors.predict(user, item);
    }

    @Override
    public void scoreAll(int user, float[] out) {
        factors.scoreAll(user, out);
    }

    /** A history without a user: no profile, so the ridge is centred on the origin. */
    @Override
    public void scoreHistory(int[] itemIndices, float[] ratings, float[] out) {
        factors.scoreHistory(itemIndices, ratings, out);
    }

    /** A history of a user of the index space: their profile's prior mean centres the ridge. */
    @Override
    public void scoreHistory(int user, int[] itemIndices, float[] ratings, float[] out) {
        scoreVector(foldIn(itemIndices, ratings, priorMeanOf(user)), out);
    }
}
