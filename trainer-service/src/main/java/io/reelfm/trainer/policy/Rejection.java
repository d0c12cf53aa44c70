package io.reelfm.trainer.policy;

import java.time.Instant;
import java.util.Map;

/**
 * A candidate the holdout gate refused: kept in memory (the newest few per model), logged and
 * listed by {@code GET /models} so an operator sees why a model stopped moving.
 */
public record Rejection(Instant at, String learner, Map<String, String> hyperparameters, Map<String, Double> metrics,
                        long comparedWithVersion, Map<String, Double> activeMetrics, String reason) {
}
