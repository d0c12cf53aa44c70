package io.reelfm.schemas;

/**
 * Which rating events the engine can use, once for every reader of {@code ratings}. Ingest
 * refuses anything else at the edge with a field-level error; the trainer and serving still
 * check, because other producers (replay, a client writing to Kafka directly) reach the topic
 * without passing ingest, and one such record must not stop or skew a model.
 */
public final class RatingEvents {

    private RatingEvents() {
    }

    /**
     * A user and an item id (non-empty), a finite positive rating and a timestamp. Whether the
     * rating lies on the deployment's {@link RatingScale} (whose minimum is positive too) is
     * ingest's check; models clip to the range of the ratings they were fitted on.
     */
    public static boolean usable(RatingEvent e) {
        return e != null && nonEmpty(e.getUserId()) && nonEmpty(e.getItemId()) && Float.isFinite(e.getRating())
                && e.getRating() > 0 && e.getTimestamp() != null;
    }

    private static boolean nonEmpty(CharSequence s) {
        return s != null && !s.isEmpty();
    }
}
