package io.reelfm.serving.variant;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

/**
 * Assigns each user to one variant, stickily: the same user id always hashes (murmur2, as
 * Kafka's partitioner) to the same point on the cumulative weight line, so a user sees one
 * variant across requests, instances and restarts, with no assignment state to store.
 */
public final class Variants {

    private final List<Variant> variants;
    private final int totalWeight;

    public Variants(List<Variant> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("at least one variant is required");
        }
        this.variants = List.copyOf(variants);
        this.totalWeight = variants.stream().mapToInt(Variant::weight).sum();
    }

    public Variant assign(String userId) {
        int point = Utils.toPositive(Utils.murmur2(("variant:" + userId).getBytes(StandardCharsets.UTF_8))) % totalWeight;
        int cumulative = 0;
        for (Variant v : variants) {
            cumulative += v.weight();
            if (point < cumulative) {
                return v;
            }
        }
        return variants.get(variants.size() - 1);
    }

    public List<Variant> all() {
        return variants;
    }
}
