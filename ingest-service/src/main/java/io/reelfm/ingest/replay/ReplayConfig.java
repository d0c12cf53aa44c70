package io.reelfm.ingest.replay;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import io.reelfm.ingest.validate.RecordRules;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;

/**
 * How a replay publishes. Defaults are the fastest safe settings measured on the embedded broker
 * (see docs/benchmarks.md, "Replay throughput"): an idempotent producer with {@code acks=all},
 * so a retried batch is never duplicated nor reordered within a partition.
 *
 * @param bootstrapServers Kafka to write to; default {@code localhost:9092}
 * @param ratings          topic for ratings (keyed by userId); default {@link Topics#RATINGS}
 * @param movies           topic for the catalogue (keyed by itemId); default {@link Topics#MOVIES}
 * @param users            topic for user profiles (keyed by userId); default {@link Topics#USERS}
 * @param rate             {@code --rate}: {@code max} (default) or events per second
 * @param speedup          {@code --speedup}: replay at this multiple of the original event-time speed;
 *                         0 (default) means use {@code rate} instead
 * @param compression      producer {@code compression.type}: {@code lz4} (default), {@code none}, ...
 * @param linger           producer {@code linger.ms}; default 10 ms
 * @param batchBytes       producer {@code batch.size}; default 256 KiB
 * @param createTopics     create missing topics first; default true
 * @param replicationFactor for topics this replay creates; default 1
 * @param rules            what a valid rating, movie and user is: the same {@link RecordRules} as the
 *                         ingest API's; default those of an ingest service left at its defaults
 */
public record ReplayConfig(String bootstrapServers, Topic<String, RatingEvent> ratings, Topic<String, Movie> movies,
                           Topic<String, UserProfile> users, RateLimit rate, double speedup, String compression,
                           Duration linger, int batchBytes, boolean createTopics, short replicationFactor,
                           RecordRules rules) {

    static final Set<String> COMPRESSIONS = Set.of("none", "lz4", "snappy", "zstd", "gzip");

    public ReplayConfig {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(movies, "movies");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(linger, "linger");
        Objects.requireNonNull(rules, "rules");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers must not be empty");
        }
        if (speedup < 0 || Double.isNaN(speedup) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("--speedup must be a positive number, was " + speedup);
        }
        if (speedup > 0 && !rate.isMax()) {
            throw new IllegalArgumentException("--speedup and --rate " + rate + " cannot be combined: choose one pacing");
        }
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("--compression must be one of " + COMPRESSIONS + ", was '" + compression + "'");
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("--linger must not be negative");
        }
        if (batchBytes < 1024) {
            throw new IllegalArgumentException("--batch-bytes must be >= 1024, was " + batchBytes);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, was " + replicationFactor);
        }
    }

    public static ReplayConfig defaults(String bootstrapServers) {
        return new ReplayConfig(bootstrapServers, Topics.RATINGS, Topics.MOVIES, Topics.USERS, RateLimit.MAX, 0,
                "lz4", Duration.ofMillis(10), 256 * 1024, true, (short) 1, RecordRules.defaults());
    }

    /** Same settings, other topics (tests isolate themselves on a shared broker this way). */
    public ReplayConfig withTopics(Topic<String, RatingEvent> r, Topic<String, Movie> m, Topic<String, UserProfile> u) {
        return new ReplayConfig(bootstrapServers, r, m, u, rate, speedup, compression, linger, batchBytes, createTopics,
                replicationFactor, rules);
    }

    public ReplayConfig withPacing(RateLimit newRate, double newSpeedup) {
        return new ReplayConfig(bootstrapServers, ratings, movies, users, newRate, newSpeedup, compression, linger,
                batchBytes, createTopics, replicationFactor, rules);
    }

    public ReplayConfig withProducer(String newCompression, Duration newLinger, int newBatchBytes) {
        return new ReplayConfig(bootstrapServers, ratings, movies, users, rate, speedup, newCompression, newLinger,
                newBatchBytes, createTopics, replicationFactor, rules);
    }

    /** Same settings, other record rules, e.g. those of a deployment whose ingest accepts another rating scale. */
    public ReplayConfig withRules(RecordRules newRules) {
        return new ReplayConfig(bootstrapServers, ratings, movies, users, rate, speedup, compression, linger, batchBytes,
                createTopics, replicationFactor, newRules);
    }

    /** The schedule of the rating phase, once the first event time is known. */
    Pacing pacing(long firstEventMillis) {
        return speedup > 0 ? Pacing.eventTime(speedup, firstEventMillis) : rate.pacing();
    }

    public String pacingDescription() {
        return speedup > 0 ? "x" + RateLimit.format(speedup) + " event time" : "rate " + rate;
    }
}
