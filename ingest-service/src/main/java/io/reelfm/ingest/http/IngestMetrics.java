package io.reelfm.ingest.http;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ingest-specific meters on {@code /metrics}: requests by endpoint and outcome, records
 * written by topic, accepted ratings by whether their item is in the catalogue, and how long
 * Kafka took to acknowledge each request's transaction.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String endpoint, String outcome) {
        Counter.builder("reelfm.ingest.requests").description("Ingest requests by endpoint and outcome")
                .tags("endpoint", endpoint, "outcome", outcome).register(registry).increment();
    }

    void written(String topic, int records) {
        Counter.builder("reelfm.ingest.records").description("Records acknowledged by Kafka")
                .tags("topic", topic).register(registry).increment(records);
    }

    void produceLatency(String topic, long nanos) {
        Timer.builder("reelfm.ingest.produce").description("Time from first send to committed transaction")
                .tags("topic", topic).publishPercentiles(0.5, 0.99).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Accepted ratings by whether their item has a catalogue record: {@code listed},
     * {@code unlisted}, or {@code not_read_yet} while the catalogue is still being read.
     */
    void ratingsByCatalogue(String catalogue, int ratings) {
        if (ratings > 0) {
            Counter.builder("reelfm.ingest.ratings").description("Accepted ratings by whether their item is in the catalogue")
                    .tags("catalogue", catalogue).register(registry).increment(ratings);
        }
    }

    static String outcome(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 413 -> "too_large";
            case 429 -> "rate_limited";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            case 500 -> "error";
            default -> "error_" + status;
        };
    }
}
