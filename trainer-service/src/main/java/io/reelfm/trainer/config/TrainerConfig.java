package io.reelfm.trainer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.reelfm.schemas.snapshot.SnapshotChunker;
import io.reelfm.service.config.ConfigException;
import io.reelfm.service.auth.ApiKeys;
import io.reelfm.service.config.KafkaClientProperties;
import io.reelfm.service.config.Settings;
import io.reelfm.trainer.snapshot.PublishFault;

/**
 * Everything the trainer needs, read once at start from {@link Settings} (environment variables
 * override the file; see {@link Settings#envName}). Keys and defaults:
 *
 * @param host                {@code reelfm.trainer.host}, default {@code 0.0.0.0}
 * @param port                {@code reelfm.trainer.port}, default 8082; 0 picks a free port
 * @param bootstrapServers    {@code reelfm.kafka.bootstrap-servers}, default {@code localhost:9092}
 * @param replicationFactor   {@code reelfm.kafka.replication-factor}, default 1, for topics this service creates
 * @param groupId             {@code reelfm.trainer.group-id}, default {@code reelfm-trainer}: consumer group of the input topics
 * @param checkpointDir       {@code reelfm.trainer.checkpoint-dir}, default none: where the training state is saved so a
 *                            restart resumes from committed offsets; without it each start rebuilds from the topics
 * @param checkpointInterval  {@code reelfm.trainer.checkpoint-interval}, default 1m
 * @param dedupeCapacity      {@code reelfm.trainer.dedupe-capacity}, default 2,000,000 event ids remembered at least
 * @param models              {@code reelfm.trainer.models}, default {@code fm-mcmc,ranking,content-kmeans}; each configured by {@link ModelSpec}
 * @param minRatings          {@code reelfm.trainer.min-ratings}, default 1000: ratings needed before the first full fit
 * @param refitAfterEvents    {@code reelfm.trainer.refit-after-events}, default 100,000 new ratings trigger a full refit
 * @param refitAfter          {@code reelfm.trainer.refit-after}, default 30m: a full refit when there were new ratings
 * @param onlineMinEvents     {@code reelfm.trainer.online.min-events}, default 5000: new ratings that trigger an online SGD
 *                            update (and gated publication) of SGD models between refits
 * @param holdoutPerUser      {@code reelfm.trainer.holdout.per-user}, default 2 most recent ratings per user
 * @param holdoutMinRatings   {@code reelfm.trainer.holdout.min-ratings}, default 5: users with fewer are never held out
 * @param holdoutMaxUsers     {@code reelfm.trainer.holdout.max-users}, default 5000
 * @param rankingUsers        {@code reelfm.trainer.holdout.ranking-users}, default 300 users ranked for hit rate and NDCG
 * @param topN                {@code reelfm.trainer.holdout.top-n}, default 10
 * @param relevantRating      {@code reelfm.trainer.holdout.relevant-rating}, default 4.0
 * @param gateTolerance       {@code reelfm.trainer.gate.tolerance}, default 0.02: a candidate is published unless its holdout
 *                            RMSE exceeds the active version's (re-measured on the same holdout) by more than this fraction
 * @param chunkBytes          {@code reelfm.trainer.snapshot.chunk-bytes}, default 512 KiB (the maximum)
 * @param retainVersions      {@code reelfm.trainer.snapshot.retain}, default 3 versions per model
 * @param pollTimeout         {@code reelfm.trainer.poll-timeout}, default 200ms
 * @param readyMaxLag         {@code reelfm.trainer.ready-max-lag}, default 1000: {@code /health/ready} says UP only once the
 *                            consumer is at most this many records behind the end of its input topics and every model
 *                            with data to fit has a model ({@link io.reelfm.trainer.policy.TrainerReadiness}): a trainer
 *                            still replaying a backlog is alive but has published nothing from it. A bound rather than
 *                            zero, so a steady stream of new ratings cannot keep it unready; once ready it stays ready
 *                            while the training loop runs
 * @param seed                {@code reelfm.trainer.seed}, default 42: holdout selection
 * @param apiKeys             {@code reelfm.api-keys} / {@code reelfm.admin-keys}, default none: when set, rollback and retrain
 *                            require an admin key
 * @param kafkaClient         {@code reelfm.kafka.client.*}: Kafka client settings such as TLS and SASL, passed through
 * @param publishFault        not a setting: a fault injected by tests, {@link PublishFault#NONE} otherwise
 */
public record TrainerConfig(String host, int port, String bootstrapServers, short replicationFactor, String groupId,
                            Path checkpointDir, Duration checkpointInterval, int dedupeCapacity, List<ModelSpec> models,
                            int minRatings, long refitAfterEvents, Duration refitAfter, long onlineMinEvents,
                            int holdoutPerUser, int holdoutMinRatings, int holdoutMaxUsers, int rankingUsers, int topN,
                            double relevantRating, double gateTolerance, int chunkBytes, int retainVersions,
                            Duration pollTimeout, long readyMaxLag, long seed, ApiKeys apiKeys, KafkaClientProperties kafkaClient,
                            PublishFault publishFault) {

    public TrainerConfig {
        ConfigException.require(port >= 0 && port <= 65535, "reelfm.trainer.port", "must be 0..65535, was " + port);
        ConfigException.require(bootstrapServers != null && !bootstrapServers.isBlank(), "reelfm.kafka.bootstrap-servers", "must not be empty");
        ConfigException.require(replicationFactor >= 1, "reelfm.kafka.replication-factor", "must be >= 1");
        ConfigException.require(groupId != null && !groupId.isBlank(), "reelfm.trainer.group-id", "must not be empty");
        ConfigException.require(!checkpointInterval.isNegative() && !checkpointInterval.isZero(), "reelfm.trainer.checkpoint-interval", "must be positive");
        ConfigException.require(dedupeCapacity >= 16, "reelfm.trainer.dedupe-capacity", "must be >= 16, was " + dedupeCapacity);
        ConfigException.require(!models.isEmpty(), "reelfm.trainer.models", "must name at least one model");
        ConfigException.require(models.stream().map(ModelSpec::name).distinct().count() == models.size(), "reelfm.trainer.models", "must not repeat a name");
        ConfigException.require(minRatings >= 1, "reelfm.trainer.min-ratings", "must be >= 1, was " + minRatings);
        ConfigException.require(refitAfterEvents >= 1, "reelfm.trainer.refit-after-events", "must be >= 1");
        ConfigException.require(refitAfter.toMillis() >= 1, "reelfm.trainer.refit-after", "must be positive");
        ConfigException.require(onlineMinEvents >= 1, "reelfm.trainer.online.min-events", "must be >= 1");
        ConfigException.require(holdoutPerUser >= 1, "reelfm.trainer.holdout.per-user", "must be >= 1");
        ConfigException.require(holdoutMinRatings > holdoutPerUser, "reelfm.trainer.holdout.min-ratings", "must exceed holdout.per-user");
        ConfigException.require(holdoutMaxUsers >= 1, "reelfm.trainer.holdout.max-users", "must be >= 1");
        ConfigException.require(rankingUsers >= 0, "reelfm.trainer.holdout.ranking-users", "must be >= 0");
        ConfigException.require(topN >= 1, "reelfm.trainer.holdout.top-n", "must be >= 1");
        ConfigException.require(gateTolerance >= 0, "reelfm.trainer.gate.tolerance", "must be >= 0, was " + gateTolerance);
        ConfigException.require(chunkBytes >= 1 && chunkBytes <= SnapshotChunker.MAX_CHUNK_BYTES, "reelfm.trainer.snapshot.chunk-bytes",
                "must be 1.." + SnapshotChunker.MAX_CHUNK_BYTES + ", was " + chunkBytes);
        ConfigException.require(retainVersions >= 2, "reelfm.trainer.snapshot.retain", "must be >= 2 so that rollback has a target");
        ConfigException.require(pollTimeout.toMillis() >= 1, "reelfm.trainer.poll-timeout", "must be positive");
        ConfigException.require(readyMaxLag >= 0, "reelfm.trainer.ready-max-lag", "must be >= 0, was " + readyMaxLag);
        models = List.copyOf(models);
        Objects.requireNonNull(publishFault, "publishFault");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(kafkaClient, "kafkaClient");
    }

    public static TrainerConfig from(Settings s) {
        List<ModelSpec> models = Arrays.stream(s.string("reelfm.trainer.models", "fm-mcmc,ranking,content-kmeans").split(","))
                .map(String::trim).filter(n -> !n.isEmpty()).map(n -> ModelSpec.from(s, n)).toList();
        String dir = s.string("reelfm.trainer.checkpoint-dir", "");
        return new TrainerConfig(
                s.string("reelfm.trainer.host", "0.0.0.0"),
                s.integer("reelfm.trainer.port", 8082),
                s.string("reelfm.kafka.bootstrap-servers", "localhost:9092"),
                (short) s.integer("reelfm.kafka.replication-factor", 1),
                s.string("reelfm.trainer.group-id", "reelfm-trainer"),
                dir.isBlank() ? null : Path.of(dir),
                s.duration("reelfm.trainer.checkpoint-interval", Duration.ofMinutes(1)),
                s.integer("reelfm.trainer.dedupe-capacity", 2_000_000),
                models,
                s.integer("reelfm.trainer.min-ratings", 1000),
                s.longValue("reelfm.trainer.refit-after-events", 100_000),
                s.duration("reelfm.trainer.refit-after", Duration.ofMinutes(30)),
                s.longValue("reelfm.trainer.online.min-events", 5000),
                s.integer("reelfm.trainer.holdout.per-user", 2),
                s.integer("reelfm.trainer.holdout.min-ratings", 5),
                s.integer("reelfm.trainer.holdout.max-users", 5000),
                s.integer("reelfm.trainer.holdout.ranking-users", 300),
                s.integer("reelfm.trainer.holdout.top-n", 10),
                s.decimal("reelfm.trainer.holdout.relevant-rating", 4.0),
                s.decimal("reelfm.trainer.gate.tolerance", 0.02),
                s.integer("reelfm.trainer.snapshot.chunk-bytes", SnapshotChunker.MAX_CHUNK_BYTES),
                s.integer("reelfm.trainer.snapshot.retain", 3),
                s.duration("reelfm.trainer.poll-timeout", Duration.ofMillis(200)),
                s.longValue("reelfm.trainer.ready-max-lag", 1000),
                s.longValue("reelfm.trainer.seed", 42),
                ApiKeys.fromSettings(s),
                KafkaClientProperties.fromSettings(s),
                PublishFault.NONE);
    }

    public TrainerConfig withPublishFault(PublishFault fault) {
        return new TrainerConfig(host, port, bootstrapServers, replicationFactor, groupId, checkpointDir, checkpointInterval,
                dedupeCapacity, models, minRatings, refitAfterEvents, refitAfter, onlineMinEvents, holdoutPerUser,
                holdoutMinRatings, holdoutMaxUsers, rankingUsers, topN, relevantRating, gateTolerance, chunkBytes,
                retainVersions, pollTimeout, readyMaxLag, seed, apiKeys, kafkaClient, fault);
    }
}
