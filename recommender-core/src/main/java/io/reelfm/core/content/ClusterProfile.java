package io.reelfm.core.content;

import java.util.List;

/**
 * What sets one cluster apart: its size and the features whose centroid value departs most
 * from the catalogue mean (an "attributes by centroid" chart as a list).
 */
public record ClusterProfile(int cluster, int size, List<Departure> dominant) {

    public ClusterProfile {
        dominant = List.copyOf(dominant);
    }

    /** One feature of the centroid against the global mean, both on the [0, 1] scaled axis. */
    public record Departure(String feature, double centroidValue, double globalMean) {
        public double departure() {
            return centroidValue - globalMean;
        }
    }
}
