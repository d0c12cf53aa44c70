package io.reelfm.serving.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.reelfm.service.http.ApiException;
import io.reelfm.serving.unavailable.ServingUnavailable;

/**
 * The models currently served: factor models by name and the cluster model. Only the {@link ModelLoader} thread writes; request
 * threads read a consistent immutable map through an {@link AtomicReference}, so a swap is
 * atomic and a reader holding a {@link FactorModel} keeps using that one version to the end
 * of its request.
 */
public final class ModelRegistry {

    private final AtomicReference<Map<String, FactorModel>> models = new AtomicReference<>(Map.of());
    private final AtomicReference<ClusterModel> clusters = new AtomicReference<>();
    private final boolean clustersEnabled;

    /** A registry for a deployment that serves a cluster model. */
    public ModelRegistry() {
        this(true);
    }

    /** @param clustersEnabled false when the cluster model is switched off ({@code cluster-model=none}) */
    public ModelRegistry(boolean clustersEnabled) {
        this.clustersEnabled = clustersEnabled;
    }

    public Optional<FactorModel> get(String name) {
        return Optional.ofNullable(models.get().get(name));
    }

    public Collection<FactorModel> all() {
        return models.get().values();
    }

    public boolean hasAll(Collection<String> names) {
        return models.get().keySet().containsAll(names);
    }

    /** The cluster model, once one is loaded. */
    public Optional<ClusterModel> clusters() {
        return Optional.ofNullable(clusters.get());
    }

    /**
     * The cluster model for a request that needs it: 404 when clusters are switched off, 503 with
     * Retry-After while the configured one has not been loaded yet.
     */
    public ClusterModel requireClusters() {
        if (!clustersEnabled) {
            throw new ApiException(404, "clusters are switched off on this instance (reelfm.serving.cluster-model=none)");
        }
        return clusters().orElseThrow(ServingUnavailable::noClusterModel);
    }

    void publishClusters(ClusterModel model) {
        clusters.set(model);
    }

    void publish(FactorModel model) {
        models.updateAndGet(current -> {
            Map<String, FactorModel> next = new HashMap<>(current);
            next.put(model.name(), model);
            return Map.copyOf(next);
        });
    }
}
