package io.reelfm.serving.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.serving.experiment.ExperimentStats;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.model.ModelRegistry;
import io.reelfm.serving.state.StreamsLag;

/**
 * What an operator watches on a serving instance, beside the request timers every service has:
 * which version of each model it serves and how old that version is, how far its Streams tasks
 * are behind their input, how long folding a user into a model takes, and each A/B variant's
 * impressions and hit rate. Gauges read their source on each scrape; a value that cannot be
 * read (no model yet, stores moving) is NaN, which Prometheus shows as a gap.
 */
public final class ServingMetrics {

    private final Timer foldIn;

    private ServingMetrics(Timer foldIn) {
        this.foldIn = foldIn;
    }

    public static ServingMetrics register(MeterRegistry meters, Iterable<String> modelNames, ModelRegistry models,
                                          StreamsLag lag, Iterable<Variant> variants,
                                          Supplier<ReadOnlyKeyValueStore<String, ExperimentStats>> experimentStore) {
        for (String name : modelNames) {
            Gauge.builder("reelfm.serving.model.version", models, m -> manifest(m, name).map(x -> (double) x.getVersion()).orElse(Double.NaN))
                    .description("Version of the model this instance serves").tag("model", name).register(meters);
            Gauge.builder("reelfm.serving.model.age", models, m -> manifest(m, name)
                            .map(x -> Duration.between(x.getCreatedAt(), Instant.now()).toMillis() / 1000.0).orElse(Double.NaN))
                    .description("Seconds since the served version was created").tag("model", name).baseUnit("seconds")
                    .register(meters);
            Gauge.builder("reelfm.serving.scan.share", models, m -> m.get(name).map(FactorModel::scanShare).orElse(Double.NaN))
                    .description("Share of the catalogue a list's first pass read before the rest was ruled out, "
                            + "mean over the served version's lists").tag("model", name).register(meters);
        }
        Gauge.builder("reelfm.serving.consumer.lag", lag, l -> l.lag() < 0 ? Double.NaN : l.lag())
                .description("Input records this instance's active Streams tasks are behind, summed over partitions")
                .register(meters);
        for (Variant v : variants) {
            Gauge.builder("reelfm.serving.variant.impressions", experimentStore, s -> stat(s, v.name(), st -> (double) st.impressions()))
                    .description("Recommendation lists served by the variant").tag("variant", v.name()).register(meters);
            Gauge.builder("reelfm.serving.variant.hit.rate", experimentStore, s -> stat(s, v.name(),
                            st -> st.hitRate() == null ? Double.NaN : st.hitRate()))
                    .description("Share of the variant's lists with a later rating of a recommended item").tag("variant", v.name())
                    .register(meters);
        }
        Timer foldIn = Timer.builder("reelfm.serving.fold.in")
                .description("Folding a user's ratings into a model (a user vector cache miss)")
                .serviceLevelObjectives(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20),
                        Duration.ofMillis(100))
                .register(meters);
        return new ServingMetrics(foldIn);
    }

    /** Where a fold-in's duration is recorded. */
    public void foldedIn(long nanos) {
        foldIn.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static Optional<ModelManifest> manifest(ModelRegistry models, String name) {
        Optional<ModelManifest> factor = models.get(name).map(m -> m.manifest());
        return factor.isPresent() ? factor : models.clusters().filter(c -> c.name().equals(name)).map(c -> c.manifest());
    }

    private static double stat(Supplier<ReadOnlyKeyValueStore<String, ExperimentStats>> store, String variant,
                               java.util.function.ToDoubleFunction<ExperimentStats> f) {
        try {
            ExperimentStats s = store.get().get(variant);
            return f.applyAsDouble(s == null ? ExperimentStats.EMPTY : s);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return Double.NaN;
        }
    }
}
