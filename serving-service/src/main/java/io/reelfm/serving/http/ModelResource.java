package io.reelfm.serving.http;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.variant.Variants;
import io.reelfm.schemas.snapshot.ClusterSnapshot;
import io.reelfm.serving.model.ClusterModel;
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
        app.get("/clusters", this::clusters);
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

    private void clusters(Context ctx) {
        ClusterModel m = models.requireClusters();
        List<ClusterSummary> out = new java.util.ArrayList<>();
        List<ClusterSnapshot.Cluster> cs = m.snapshot().clusters();
        for (int i = 0; i < cs.size(); i++) {
            ClusterSnapshot.Cluster c = cs.get(i);
            out.add(new ClusterSummary(i, c.size(), c.label(), c.topGenres(), c.meanRating()));
        }
        ctx.json(new Clusters(m.name(), m.version(), m.snapshot().featureNames(), out));
    }

    public record Clusters(String model, long version, List<String> features, List<ClusterSummary> clusters) {
    }

    public record ClusterSummary(int cluster, int size, String label, List<String> topGenres, float meanRating) {
    }

    /** @param factors latent factors of an fm model; the number of clusters of a kmeans model */
    public record ServedModel(String name, long version, String kind, String learner, Map<String, Double> metrics,
                              Map<String, Long> counts, Instant createdAt, int items, int factors, List<String> variants) {
    }
}
