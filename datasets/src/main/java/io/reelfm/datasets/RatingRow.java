package io.reelfm.datasets;

/** One rating as read from a data set file, before it becomes an event. */
public record RatingRow(String userId, String itemId, float rating, long timestampMillis) {
}
