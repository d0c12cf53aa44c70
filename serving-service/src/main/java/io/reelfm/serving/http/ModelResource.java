package io.reelfm.serving.http;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.variant.Variants;
import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.model.ModelRegistry;

/**
 * {@code /models}: the versions this instance serves, in the trainer's object shape
 * ({@code name}, {@code version}, {@code metrics}, ...), plus the variants using each
 * ({@link ClusterResource} serves the clusters themselves).
 */
public final class ModelResource {

    private final ModelRegistry models;
    private final Variants variants;

    public ModelResource(ModelRegistry models, Variants variants) {
        this.models = models;
        this.variants = variants;
    }

    public void register(Javalin app) {
        app.get("/models", this::list);
    }

    private void list(Context ctx) {
        List<ServedModel> out = new java.util.ArrayList<>(models.all().stream().sorted(Comparator.comparing(FactorModel::name))
                .map(m -> new ServedModel(m.name(), m.version(), m.manifest().getKind(), m.manifest().getLearner(),
                        Map.copyOf(m.manifest().getMetrics()), Map.copyOf(m.manifest().getCounts()),
                        m.manifest().getCreatedAt(), m.items(), m.k(),
                        variants.all().stream().filter(v -> v.model().equals(m.name())).map(Variant::name).toList()))
                .toList());
        models.clusters().ifPresent(c -> out.add(new ServedModel(c.name(), c.version(), c.manifest().getKind(),
                c.manifest().getLearner(), Map.copyOf(c.manifest().getMetrics()), Map.copyOf(c.manifest().getCounts()),
                c.manifest().getCreatedAt(), c.snapshot().itemIds().length, c.snapshot().clusters().size(), List.of())));
        ctx.json(out);
    }

    /** @param factors latent factors of an fm model; the number of clusters of a kmeans model */
    public record ServedModel(String name, long version, String kind, String learner, Map<String, Double> metrics,
                              Map<String, Long> counts, Instant createdAt, int items, int factors, List<String> variants) {
    }
}
