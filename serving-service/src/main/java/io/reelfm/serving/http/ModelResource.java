package io.reelfm.serving.http;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.service.http.ApiException;
import io.reelfm.serving.experiment.Variant;
import io.reelfm.serving.experiment.Variants;
import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.model.ModelRegistry;

/**
 * {@code /models}: the versions this instance serves, in the trainer's object shape
 * ({@code name}, {@code version}, {@code metrics}, ...), plus the variants using each;
 * {@code /clusters}: cluster summaries once a cluster model is published.
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
        app.get("/clusters", ctx -> {
            throw ApiException.unavailable("no cluster model is published yet", 60, null);
        });
    }

    private void list(Context ctx) {
        List<ServedModel> out = models.all().stream().sorted(Comparator.comparing(FactorModel::name))
                .map(m -> new ServedModel(m.name(), m.version(), m.manifest().getKind(), m.manifest().getLearner(),
                        Map.copyOf(m.manifest().getMetrics()), Map.copyOf(m.manifest().getCounts()),
                        m.manifest().getCreatedAt(), m.items(), m.k(),
                        variants.all().stream().filter(v -> v.model().equals(m.name())).map(Variant::name).toList()))
                .toList();
        ctx.json(out);
    }

    public record ServedModel(String name, long version, String kind, String learner, Map<String, Double> metrics,
                              Map<String, Long> counts, Instant createdAt, int items, int factors, List<String> variants) {
    }
}
