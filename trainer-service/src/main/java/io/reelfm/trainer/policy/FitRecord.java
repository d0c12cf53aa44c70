package io.reelfm.trainer.policy;

import java.time.Instant;

/**
 * The last training run of a model: when it ended, how long it took, what kind of run and what
 * came of it ({@code published vN}, {@code rejected}, {@code failed: ...}).
 */
public record FitRecord(Instant finishedAt, long durationMillis, String kind, long ratings, String outcome) {
}
