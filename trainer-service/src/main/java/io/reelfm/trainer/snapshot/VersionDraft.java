package io.reelfm.trainer.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * Everything about a candidate except its version number and checksum, which the publisher
 * assigns.
 */
public record VersionDraft(String model, String kind, String learner, byte[] payload,
                           Map<String, String> hyperparameters, Map<String, Long> trainedOffsets,
                           Map<String, Double> metrics, Map<String, Long> counts) {

    public VersionDraft {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(payload, "payload");
        hyperparameters = Map.copyOf(hyperparameters);
        trainedOffsets = Map.copyOf(trainedOffsets);
        metrics = Map.copyOf(metrics);
        counts = Map.copyOf(counts);
    }
}
