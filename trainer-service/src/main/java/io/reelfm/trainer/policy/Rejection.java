package io.reelfm.trainer.policy;

import java.time.Instant;
import java.util.Map;

/**
 * A candidate the holdout gate refused: kept (the newest few per model), logged and listed by
 * {@code GET /models} so an operator sees why a model stopped moving. With a checkpoint
 * directory the list survives a restart ({@link RejectionLog}).
 */
public record Rejection(Instant at, String learner, Map<String, String> hyperparameters, Map<String, Double> metrics,
                        long comparedWithVersion, Map<String, Double> activeMetrics, String reason) {
}
