package io.reelfm.schemas;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with everything a producer or consumer must agree on: its name, key and value
 * serdes, and how it is created (partitions, cleanup policy, retention). Producers and
 * consumers take both the name and the serdes from here, so they cannot disagree.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for topic " + name);
        }
        configs = Map.copyOf(configs);
    }

    public boolean compacted() {
        return configs.getOrDefault("cleanup.policy", "delete").contains("compact");
    }

    @Override
    public String toString() {
        return name;
    }
}
