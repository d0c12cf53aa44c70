package io.reelfm.serving.model;

import java.util.HashMap;
import java.util.Map;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.ClusterSnapshot;

/**
 * A loaded {@code kmeans} model version: each item's cluster and each cluster's description.
 * Immutable; swapped whole like {@link FactorModel}.
 */
public final class ClusterModel {

    private final ModelManifest manifest;
    private final ClusterSnapshot snapshot;
    private final Map<String, Integer> clusterOf;

    public ClusterModel(ModelManifest manifest, ClusterSnapshot snapshot) {
        this.manifest = manifest;
        this.snapshot = snapshot;
        this.clusterOf = new HashMap<>(snapshot.itemIds().length * 2);
        for (int i = 0; i < snapshot.itemIds().length; i++) {
            clusterOf.put(snapshot.itemIds()[i], snapshot.assignments()[i]);
        }
    }

    public static ClusterModel fromPayload(ModelManifest manifest, byte[] payload) {
        return new ClusterModel(manifest, ClusterSnapshot.fromBytes(payload));
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.getModelName();
    }

    public long version() {
        return manifest.getVersion();
    }

    /** The item's cluster, or null when this version does not know the item. */
    public Integer clusterOf(String itemId) {
        return clusterOf.get(itemId);
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }
}
