package io.reelfm.core.fm.snapshot;

/**
 * A user's whole contribution to every item score, after fold-in: {@code score_i = constant +
 * b_i + <query, q_i>}. Small (k + 1 floats, plus a re-ranker's user state of a few hundred), so
 * serving can cache it per user and model version.
 *
 * @param query    p_C + v_u: context factors plus the folded-in user factors
 * @param constant w0 + context terms + w_u + &lt;v_u, p_C&gt;
 * @param ratingsUsed how many of the given ratings matched a snapshot item
 */
public record UserVector(float[] query, float constant, int ratingsUsed, float[] rerank) {

    /**
     * @param rerank the user's share of a re-ranker's scores ({@link io.reelfm.core.deepfm.DeepFmNet#userState}),
     *               or null when the snapshot has no re-ranker
     */
    public UserVector {
        query = query.clone();
    }

    public UserVector(float[] query, float constant, int ratingsUsed) {
        this(query, constant, ratingsUsed, null);
    }

    @Override
    public float[] query() {
        return query.clone();
    }

    float[] queryUnsafe() {
        return query;
    }
}
