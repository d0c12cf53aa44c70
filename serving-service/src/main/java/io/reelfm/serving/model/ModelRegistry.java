package io.reelfm.serving.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The models currently served, by name. Only the {@link ModelLoader} thread writes; request
 * threads read a consistent immutable map through an {@link AtomicReference}, so a swap is
 * atomic and a reader holding a {@link FactorModel} keeps using that one version to the end
 * of its request.
 */
public final class ModelRegistry {

    private final AtomicReference<Map<String, FactorModel>> models = new AtomicReference<>(Map.of());

    public Optional<FactorModel> get(String name) {
        return Optional.ofNullable(models.get().get(name));
    }

    public Collection<FactorModel> all() {
        return models.get().values();
    }

    public boolean hasAll(Collection<String> names) {
        return models.get().keySet().containsAll(names);
    }

    void publish(FactorModel model) {
        models.updateAndGet(current -> {
            Map<String, FactorModel> next = new HashMap<>(current);
            next.put(model.name(), model);
            return Map.copyOf(next);
        });
    }
}
