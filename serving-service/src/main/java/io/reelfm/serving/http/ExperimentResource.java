package io.reelfm.serving.http;

import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.service.http.Echo;
import io.reelfm.serving.experiment.ExperimentStats;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.variant.Variants;
import io.reelfm.serving.state.ServingStores;

/**
 * {@code /experiments} and {@code /experiments/{name}}: per-variant online metrics from the
 * broadcast experiment store: hit rate (lists with a recommended item rated within the window),
 * mean rating of recommended items that got rated, and catalogue coverage.
 */
public final class ExperimentResource {

    private final Variants variants;
    private final Supplier<ReadOnlyKeyValueStore<String, ExperimentStats>> store;
    private final ServingStores stores;
    private final long windowSeconds;

    public ExperimentResource(Variants variants, Supplier<ReadOnlyKeyValueStore<String, ExperimentStats>> store,
                              ServingStores stores, long windowSeconds) {
        this.variants = variants;
        this.store = store;
        this.stores = stores;
        this.windowSeconds = windowSeconds;
    }

    public void register(Javalin app) {
        app.get("/experiments", ctx -> ctx.json(new Experiments(experiment(), windowSeconds,
                variants.all().stream().map(this::metrics).toList())));
        app.get("/experiments/{name}", this::one);
    }

    private void one(Context ctx) {
        String name = ctx.pathParam("name");
        Variant v = variants.all().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> Params.notFound("experiment variant " + Echo.truncate(name) + " not found"));
        ctx.json(metrics(v));
    }

    private VariantMetrics metrics(Variant v) {
        ExperimentStats s = store.get().get(v.name());
        if (s == null) {
            s = ExperimentStats.EMPTY;
        }
        long catalogue = stores.movies().approximateNumEntries();
        Double coverage = catalogue == 0 ? null : Math.min(1.0, (double) s.distinctItems() / catalogue);
        return new VariantMetrics(v.name(), v.model(), v.weight(), s.impressions(), s.hitImpressions(), s.hitRate(),
                s.rated(), s.meanRatedRating(), s.distinctItems(), coverage);
    }

    /** The experiment's name from its variants, e.g. {@code ranking-vs-deepfm}; a single variant is its own name. */
    String experiment() {
        return String.join("-vs-", variants.all().stream().map(Variant::name).toList());
    }

    /** @param experiment the variants' names joined by {@code -vs-}, e.g. {@code ranking-vs-deepfm} */
    public record Experiments(String experiment, long windowSeconds, List<VariantMetrics> variants) {
    }

    public record VariantMetrics(String name, String model, int weight, long impressions, long hitImpressions,
                                 Double hitRate, long ratedRecommendations, Double meanRatingOfRated,
                                 long distinctItemsRecommended, Double coverage) {
    }
}
