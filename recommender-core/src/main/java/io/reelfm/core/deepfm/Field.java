package io.reelfm.core.deepfm;

/**
 * The input fields of a {@link DeepFmNet}, in the order their embeddings are concatenated for
 * the network's deep part. Each field turns its input columns into one embedding of size k (the
 * weighted sum of its columns' rows) and one first-order term, so a one-hot field is an id
 * embedding and a weighted multi-hot field is a pooled one, exactly as a factorization machine
 * treats the same columns.
 */
public enum Field {
    /** The items the user rated (weighted multi-hot): the user, whoever they are, from their ratings. */
    HISTORY(true),
    /** The candidate item's id (one-hot; 0 = an item the network never saw). */
    ITEM(false),
    /** The candidate's genres (multi-hot, weight 1/g). */
    GENRES(false),
    /** The candidate's release decade (one-hot). */
    DECADE(false),
    /** The user's age bucket (one-hot). */
    AGE(true),
    /** The user's gender (one-hot). */
    GENDER(true),
    /** The user's occupation (one-hot). */
    OCCUPATION(true),
    /** The retrieval model's opinion: the candidate's score standardised within the list, and its position. */
    RETRIEVAL(false);

    private final boolean userSide;

    Field(boolean userSide) {
        this.userSide = userSide;
    }

    /** True when the field depends on the user only, so a list computes it once for all candidates. */
    public boolean userSide() {
        return userSide;
    }
}
