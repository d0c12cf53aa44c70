package io.reelfm.core.eval;

/**
 * What the harness needs from a trained model: a rating estimate for any (user, item) pair of
 * the split's index spaces. Implementations must accept users and items that had no training
 * rows (cold start) and answer with their best prior, never throw.
 */
@FunctionalInterface
public interface RatingPredictor {

    float predict(int user, int item);

    /**
     * Scores every item for one user into {@code out} (length = number of items). The default
     * calls {@link #predict} per item; models with a faster whole-catalogue path override it.
     */
    default void scoreAll(int user, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = predict(user, i);
        }
    }
}
