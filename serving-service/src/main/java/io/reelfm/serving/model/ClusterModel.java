package io.reelfm.serving.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    private final Map<String, Integer> rowOf;
    private final List<int[]> members;

    public ClusterModel(ModelManifest manifest, ClusterSnapshot snapshot) {
        this.manifest = manifest;
        this.snapshot = snapshot;
        int n = snapshot.itemIds().length;
        this.clusterOf = new HashMap<>(n * 2);
        this.rowOf = new HashMap<>(n * 2);
        int k = snapshot.clusters().size();
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            clusterOf.put(snapshot.itemIds()[i], snapshot.assignments()[i]);
            rowOf.put(snapshot.itemIds()[i], i);
            sizes[snapshot.assignments()[i]]++;
        }
        List<int[]> byCluster = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            byCluster.add(new int[sizes[c]]);
        }
        int[] filled = new int[k];
        for (int i = 0; i < n; i++) {
            int c = snapshot.assignments()[i];
            byCluster.get(c)[filled[c]++] = i;
        }
        this.members = List.copyOf(byCluster);
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

    /**
     * The other members of the item's cluster, closest first, with their Euclidean distance in the
     * clustering space; empty when the item is unknown or the version carries no coordinates (the
     * caller then falls back to another order). Linear in the cluster's size.
     */
    public List<Neighbour> closestInCluster(String itemId) {
        Integer cluster = clusterOf.get(itemId);
        if (cluster == null || !snapshot.hasCoordinates()) {
            return List.of();
        }
        float[][] points = snapshot.coordinates();
        float[] origin = points[rowOf.get(itemId)];
        List<Neighbour> out = new ArrayList<>();
        for (int j : members.get(cluster)) {
            if (!snapshot.itemIds()[j].equals(itemId)) {
                double sum = 0;
                for (int d = 0; d < origin.length; d++) {
                    double diff = points[j][d] - origin[d];
                    sum += diff * diff;
                }
                out.add(new Neighbour(snapshot.itemIds()[j], Math.sqrt(sum)));
            }
        }
        out.sort(Comparator.comparingDouble(Neighbour::distance).thenComparing(Neighbour::itemId));
        return out;
    }

    /** The members of cluster {@code cluster} in snapshot order; empty for an unknown cluster. */
    public List<String> members(int cluster) {
        if (cluster < 0 || cluster >= members.size()) {
            return List.of();
        }
        return Arrays.stream(members.get(cluster)).mapToObj(j -> snapshot.itemIds()[j]).toList();
    }

    /** A cluster member and how far it lies from the movie asked about. */
    public record Neighbour(String itemId, double distance) {
    }

    /** The item's cluster, or null when this version does not know the item. */
    public Integer clusterOf(String itemId) {
        return clusterOf.get(itemId);
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }
}
