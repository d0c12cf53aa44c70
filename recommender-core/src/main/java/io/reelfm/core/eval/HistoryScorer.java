package io.reelfm.core.eval;

/**
 * A trained model that can score the catalogue for a user it never saw, from that user's
 * interactions alone: the serving path for a new user, and what the strong-generalisation
 * protocol measures ({@link io.reelfm.core.eval.split.Splits#strongGeneralisation}).
 */
@FunctionalInterface
public interface HistoryScorer {

    /**
     * @param items  item indices the user rated (the split's index space)
     * @param values their ratings, same order
     * @param out    receives one score per item (length = number of items)
     */
    void scoreHistory(int[] items, float[] values, float[] out);

    /**
     * The same for a user of the split's index space whose ratings the model never saw, for models
     * that also read what else is known of the user (a profile); the default ignores the user.
     *
     * @param user the user's index (the split's user space)
     */
    default void scoreHistory(int user, int[] items, float[] values, float[] out) {
        scoreHistory(items, values, out);
    }
}
