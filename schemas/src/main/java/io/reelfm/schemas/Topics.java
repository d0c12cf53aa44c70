package io.reelfm.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics ReelFM's services share: {@code ratings}, {@code movies}, {@code users},
 * {@code model-chunks}, {@code model-manifests}, {@code model-active}, {@code dead-letters} and
 * {@code impressions}, each with its name, key and value serdes, partition count and configs.
 * Services create the missing ones at start ({@link TopicCreator}).
 *
 * <p>Topics that belong to one service are named in that service's configuration and defined
 * here by rule: serving's broadcast topics {@code <application-id>-item-stats} and
 * {@code <application-id>-experiment-stats} ({@link #broadcast}), and its configurable
 * dead-letter topic ({@code reelfm.serving.dead-letter-topic}, by default {@link #DEAD_LETTERS}'s
 * name; {@link #deadLetters(String)}). Kafka
 * Streams names serving's internal changelog and repartition topics after its application id and
 * the topology's stores and steps. {@code reelfm bench replay} writes to throw-away topics of its
 * own ({@code ReplayBenchCommand}).
 *
 * <ul>
 *   <li>{@code ratings}: every rating event, keyed by userId so one user's events stay ordered
 *       on one partition; kept 30 days (the trainer's committed training set is rebuilt from it).
 *   <li>{@code movies}, {@code users}: compacted tables keyed by id; the latest record wins.
 * </ul>
 */
public final class Topics {

    public static final int DEFAULT_PARTITIONS = 6;

    public static final Serde<String> STRING = Serdes.String();

    public static final Topic<String, RatingEvent> RATINGS = new Topic<>(
            "ratings", STRING, new AvroSerde<>(RatingEvent.class, RatingEventEncoder::encode), DEFAULT_PARTITIONS,
            Map.of("cleanup.policy", "delete",
                    "retention.ms", String.valueOf(30L * 24 * 3600 * 1000),
                    "min.insync.replicas", "1"));

    public static final Topic<String, Movie> MOVIES = new Topic<>(
            "movies", STRING, new AvroSerde<>(Movie.class), DEFAULT_PARTITIONS,
            Map.of("cleanup.policy", "compact", "min.insync.replicas", "1"));

    public static final Topic<String, UserProfile> USERS = new Topic<>(
            "users", STRING, new AvroSerde<>(UserProfile.class), DEFAULT_PARTITIONS,
            Map.of("cleanup.policy", "compact", "min.insync.replicas", "1"));

    /**
     * Slices of published model versions, keyed {@code <model>/<version>/<index>}. Compacted; the
     * trainer deletes (tombstones) versions it no longer retains, so the topic stays bounded.
     */
    public static final Topic<String, ModelChunk> MODEL_CHUNKS = new Topic<>(
            "model-chunks", STRING, new AvroSerde<>(ModelChunk.class), 1,
            Map.of("cleanup.policy", "compact", "segment.ms", String.valueOf(3600_000L),
                    "min.cleanable.dirty.ratio", "0.1", "delete.retention.ms", String.valueOf(3600_000L),
                    "max.message.bytes", String.valueOf(1_048_588)));

    /** Manifests of complete versions, keyed {@code <model>/<version>}; written after the chunks. */
    public static final Topic<String, ModelManifest> MODEL_MANIFESTS = new Topic<>(
            "model-manifests", STRING, new AvroSerde<>(ModelManifest.class), 1,
            Map.of("cleanup.policy", "compact", "segment.ms", String.valueOf(3600_000L),
                    "min.cleanable.dirty.ratio", "0.1"));

    /**
     * The version each model name serves now, keyed by model name; value is that version's
     * manifest. Publishing writes chunks, then the manifest, then this pointer; rollback
     * re-points it to an earlier retained version.
     */
    public static final Topic<String, ModelManifest> MODEL_ACTIVE = new Topic<>(
            "model-active", STRING, new AvroSerde<>(ModelManifest.class), 1,
            Map.of("cleanup.policy", "compact", "segment.ms", String.valueOf(3600_000L),
                    "min.cleanable.dirty.ratio", "0.1"));

    /**
     * Records a consumer could not decode, copied byte for byte with headers naming the source
     * topic, partition, offset and the reason, so one poison record never stops a service and
     * can still be inspected and replayed.
     */
    public static final Topic<byte[], byte[]> DEAD_LETTERS = new Topic<>(
            "dead-letters", Serdes.ByteArray(), Serdes.ByteArray(), 1,
            Map.of("cleanup.policy", "delete",
                    "retention.ms", String.valueOf(14L * 24 * 3600 * 1000),
                    "min.insync.replicas", "1"));

    /**
     * Recommendation lists served, keyed by userId like {@code ratings} (same partition count),
     * so serving joins a user's later ratings to the lists they were shown. Kept 7 days.
     */
    public static final Topic<String, Impression> IMPRESSIONS = new Topic<>(
            "impressions", STRING, new AvroSerde<>(Impression.class), DEFAULT_PARTITIONS,
            Map.of("cleanup.policy", "delete",
                    "retention.ms", String.valueOf(7L * 24 * 3600 * 1000),
                    "min.insync.replicas", "1"));

    private Topics() {
    }

    /** The dead-letter topic under another name (a service configured to keep its own), with the same settings. */
    public static Topic<byte[], byte[]> deadLetters(String name) {
        return new Topic<>(name, DEAD_LETTERS.keySerde(), DEAD_LETTERS.valueSerde(), DEAD_LETTERS.partitions(),
                DEAD_LETTERS.configs());
    }

    /**
     * A compacted topic of per-key aggregates that one application writes and every one of its
     * instances reads back whole (serving's item and experiment statistics): named by the
     * application, values in its own format, so it is defined here by rule rather than by name.
     */
    public static <V> Topic<String, V> broadcast(String name, Serde<V> valueSerde, int partitions) {
        Map<String, String> configs = new java.util.HashMap<>(AGGREGATE_LOG);
        configs.put("cleanup.policy", "compact");
        configs.put("min.insync.replicas", "1");
        return new Topic<>(name, STRING, valueSerde, partitions, Map.copyOf(configs));
    }

    /**
     * Log settings of compacted topics whose values are aggregates rewritten whole on every update
     * (serving's store changelogs and broadcast statistics): 64 MiB segments and a cleaner that
     * starts at a fifth of dirty records. Kafka compacts only closed segments, 1 GiB by default, so
     * with the defaults a user's history, when it was rewritten whole on every rating, made the
     * changelog grow with the square of the history (12.6 GB of broker data for 5M ratings) and a
     * fresh instance restored all of it; compacted, a changelog stays near the size of the live
     * state (item statistics still rewrite the item's whole record).
     */
    public static final Map<String, String> AGGREGATE_LOG = Map.of(
            "segment.bytes", String.valueOf(64 * 1024 * 1024),
            "min.cleanable.dirty.ratio", "0.2");

    /** The input topics every deployment needs; later components append their own. */
    public static List<Topic<?, ?>> ingestTopics() {
        return List.of(RATINGS, MOVIES, USERS);
    }

    /** The topics through which the trainer hands model versions to serving. */
    public static List<Topic<?, ?>> modelTopics() {
        return List.of(MODEL_CHUNKS, MODEL_MANIFESTS, MODEL_ACTIVE);
    }

    /** The ingest and model topics: what the trainer, serving and the demo create before they start. */
    public static List<Topic<?, ?>> pipelineTopics() {
        List<Topic<?, ?>> topics = new ArrayList<>(ingestTopics());
        topics.addAll(modelTopics());
        return List.copyOf(topics);
    }
}
