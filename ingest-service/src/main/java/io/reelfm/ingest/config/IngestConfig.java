package io.reelfm.ingest.config;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import io.reelfm.schemas.RatingScale;
import io.reelfm.service.config.ConfigException;
import io.reelfm.service.auth.ApiKeys;
import io.reelfm.service.config.KafkaClientProperties;
import io.reelfm.service.config.Settings;

/**
 * Everything the ingest service can be told, read once at start. Each component documents its
 * key (environment variable in brackets) and default; {@link #fromSettings(Settings)} reads
 * them, {@link #builder()} lets tests and the launcher set them in code.
 *
 * @param host                  {@code reelfm.ingest.host} [REELFM_INGEST_HOST], default {@code 0.0.0.0}
 * @param port                  {@code reelfm.ingest.port} [REELFM_INGEST_PORT], default 8081; 0 picks a free port
 * @param bootstrapServers      {@code reelfm.kafka.bootstrap-servers} [REELFM_KAFKA_BOOTSTRAP_SERVERS], default {@code localhost:9092}
 * @param ratingScale           {@code reelfm.ingest.rating.min/max/step}, default 0.5, 5.0, 0.5 (step 0 = any value in range)
 * @param maxBodyBytes          {@code reelfm.ingest.max-body-bytes}, default 8 MiB; larger bodies get 413
 * @param maxBatchRows          {@code reelfm.ingest.max-batch-rows}, default 10000
 * @param maxIdLength           {@code reelfm.ingest.max-id-length}, default 128 characters
 * @param maxFutureSkew         {@code reelfm.ingest.max-future-skew}, default 5m: how far past the server clock a
 *                              client timestamp may be (clock drift), beyond which it is rejected
 * @param maxBlock              {@code reelfm.ingest.kafka.max-block}, default 5s: producer {@code max.block.ms}
 *                              (metadata, buffer space, transaction calls)
 * @param requestTimeout        {@code reelfm.ingest.kafka.request-timeout}, default 5s: producer {@code request.timeout.ms}
 * @param deliveryTimeout       {@code reelfm.ingest.kafka.delivery-timeout}, default 15s: producer
 *                              {@code delivery.timeout.ms}, the bound on retries of one send
 * @param linger                {@code reelfm.ingest.kafka.linger}, default 5ms: producer {@code linger.ms}
 * @param producers             {@code reelfm.ingest.kafka.producers}, default 4: transactional producers in the pool,
 *                              i.e. how many requests can be writing to Kafka at once
 * @param transactionalIdPrefix {@code reelfm.ingest.kafka.transactional-id-prefix}, default
 *                              {@code reelfm-ingest-<random>}; set a stable, per-instance value so a restarted instance
 *                              fences its predecessor's unfinished transactions
 * @param retryAfter            {@code reelfm.ingest.retry-after}, default 5s: the {@code Retry-After} sent with 503
 * @param createTopics          {@code reelfm.ingest.create-topics}, default true
 * @param replicationFactor     {@code reelfm.kafka.replication-factor}, default 1: for topics this service creates
 * @param adminTimeout          {@code reelfm.ingest.kafka.admin-timeout}, default 5s: topic creation and readiness checks
 * @param stopTimeout           {@code reelfm.ingest.stop-timeout}, default 10s: graceful stop for in-flight requests
 * @param apiKeys               {@code reelfm.api-keys} [REELFM_API_KEYS], default none: when set, every write must present
 *                              one of these keys (see {@link ApiKeys})
 * @param rateLimit             {@code reelfm.ingest.rate-limit}, default 0 (off): rows per second each key may write;
 *                              one second's worth may come at once, more gets 429 with Retry-After
 * @param kafkaClient           {@code reelfm.kafka.client.*}: Kafka client settings such as TLS and SASL, passed through
 */
public record IngestConfig(String host, int port, String bootstrapServers, RatingScale ratingScale,
                           long maxBodyBytes, int maxBatchRows, int maxIdLength, Duration maxFutureSkew,
                           Duration maxBlock, Duration requestTimeout, Duration deliveryTimeout, Duration linger,
                           int producers, String transactionalIdPrefix, Duration retryAfter,
                           boolean createTopics, short replicationFactor, Duration adminTimeout, Duration stopTimeout,
                           ApiKeys apiKeys, double rateLimit, KafkaClientProperties kafkaClient) {

    public IngestConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ratingScale, "ratingScale");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(kafkaClient, "kafkaClient");
        ConfigException.require(rateLimit >= 0 && Double.isFinite(rateLimit), "reelfm.ingest.rate-limit",
                "must be 0 (off) or a positive number of rows per second, was " + rateLimit);
        ConfigException.require(port >= 0 && port <= 65535, "reelfm.ingest.port", "must be 0..65535, was " + port);
        ConfigException.require(bootstrapServers != null && !bootstrapServers.isBlank(),
                "reelfm.kafka.bootstrap-servers", "must not be empty");
        ConfigException.require(maxBodyBytes >= 1024, "reelfm.ingest.max-body-bytes", "must be >= 1024, was " + maxBodyBytes);
        ConfigException.require(maxBatchRows >= 1, "reelfm.ingest.max-batch-rows", "must be >= 1, was " + maxBatchRows);
        ConfigException.require(maxIdLength >= 1, "reelfm.ingest.max-id-length", "must be >= 1, was " + maxIdLength);
        ConfigException.require(!maxFutureSkew.isNegative(), "reelfm.ingest.max-future-skew", "must not be negative");
        ConfigException.require(maxBlock.toMillis() >= 1, "reelfm.ingest.kafka.max-block", "must be positive");
        ConfigException.require(requestTimeout.toMillis() >= 1, "reelfm.ingest.kafka.request-timeout", "must be positive");
        ConfigException.require(deliveryTimeout.compareTo(requestTimeout.plus(linger)) >= 0,
                "reelfm.ingest.kafka.delivery-timeout", "must be >= request-timeout + linger (Kafka's rule), was " + deliveryTimeout);
        ConfigException.require(!linger.isNegative(), "reelfm.ingest.kafka.linger", "must not be negative");
        ConfigException.require(producers >= 1 && producers <= 64, "reelfm.ingest.kafka.producers", "must be 1..64, was " + producers);
        ConfigException.require(transactionalIdPrefix != null && !transactionalIdPrefix.isBlank(),
                "reelfm.ingest.kafka.transactional-id-prefix", "must not be empty");
        ConfigException.require(retryAfter.toSeconds() >= 1, "reelfm.ingest.retry-after", "must be at least 1s");
        ConfigException.require(replicationFactor >= 1, "reelfm.kafka.replication-factor", "must be >= 1");
        ConfigException.require(adminTimeout.toMillis() >= 1, "reelfm.ingest.kafka.admin-timeout", "must be positive");
        ConfigException.require(!stopTimeout.isNegative(), "reelfm.ingest.stop-timeout", "must not be negative");
    }

    public static IngestConfig defaults() {
        return builder().build();
    }

    /** Environment variables and the optional {@code REELFM_CONFIG_FILE}. */
    public static IngestConfig fromEnvironment() {
        return fromSettings(Settings.fromEnvironment());
    }

    public static IngestConfig fromSettings(Settings s) {
        IngestConfig d = defaults();
        return new IngestConfig(
                s.string("reelfm.ingest.host", d.host()),
                s.integer("reelfm.ingest.port", d.port()),
                s.string("reelfm.kafka.bootstrap-servers", d.bootstrapServers()),
                scale(s, d.ratingScale()),
                s.longValue("reelfm.ingest.max-body-bytes", d.maxBodyBytes()),
                s.integer("reelfm.ingest.max-batch-rows", d.maxBatchRows()),
                s.integer("reelfm.ingest.max-id-length", d.maxIdLength()),
                s.duration("reelfm.ingest.max-future-skew", d.maxFutureSkew()),
                s.duration("reelfm.ingest.kafka.max-block", d.maxBlock()),
                s.duration("reelfm.ingest.kafka.request-timeout", d.requestTimeout()),
                s.duration("reelfm.ingest.kafka.delivery-timeout", d.deliveryTimeout()),
                s.duration("reelfm.ingest.kafka.linger", d.linger()),
                s.integer("reelfm.ingest.kafka.producers", d.producers()),
                s.string("reelfm.ingest.kafka.transactional-id-prefix", d.transactionalIdPrefix()),
                s.duration("reelfm.ingest.retry-after", d.retryAfter()),
                s.bool("reelfm.ingest.create-topics", d.createTopics()),
                (short) s.integer("reelfm.kafka.replication-factor", d.replicationFactor()),
                s.duration("reelfm.ingest.kafka.admin-timeout", d.adminTimeout()),
                s.duration("reelfm.ingest.stop-timeout", d.stopTimeout()),
                ApiKeys.fromSettings(s),
                s.decimal("reelfm.ingest.rate-limit", d.rateLimit()),
                KafkaClientProperties.fromSettings(s));
    }

    private static RatingScale scale(Settings s, RatingScale d) {
        double min = s.decimal("reelfm.ingest.rating.min", d.min());
        double max = s.decimal("reelfm.ingest.rating.max", d.max());
        double step = s.decimal("reelfm.ingest.rating.step", d.step());
        try {
            return new RatingScale(min, max, step);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("reelfm.ingest.rating.min/max/step", "are inconsistent: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of a config for code that overrides a few values (tests, the launcher). */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8081;
        private String bootstrapServers = "localhost:9092";
        private RatingScale ratingScale = RatingScale.DEFAULT;
        private long maxBodyBytes = 8L * 1024 * 1024;
        private int maxBatchRows = 10_000;
        private int maxIdLength = 128;
        private Duration maxFutureSkew = Duration.ofMinutes(5);
        private Duration maxBlock = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration deliveryTimeout = Duration.ofSeconds(15);
        private Duration linger = Duration.ofMillis(5);
        private int producers = 4;
        private String transactionalIdPrefix = "reelfm-ingest-" + UUID.randomUUID();
        private Duration retryAfter = Duration.ofSeconds(5);
        private boolean createTopics = true;
        private short replicationFactor = 1;
        private Duration adminTimeout = Duration.ofSeconds(5);
        private Duration stopTimeout = Duration.ofSeconds(10);
        private ApiKeys apiKeys = ApiKeys.none();
        private double rateLimit;
        private KafkaClientProperties kafkaClient = KafkaClientProperties.none();

        private Builder() {
        }

        private Builder(IngestConfig c) {
            host = c.host;
            port = c.port;
            bootstrapServers = c.bootstrapServers;
            ratingScale = c.ratingScale;
            maxBodyBytes = c.maxBodyBytes;
            maxBatchRows = c.maxBatchRows;
            maxIdLength = c.maxIdLength;
            maxFutureSkew = c.maxFutureSkew;
            maxBlock = c.maxBlock;
            requestTimeout = c.requestTimeout;
            deliveryTimeout = c.deliveryTimeout;
            linger = c.linger;
            producers = c.producers;
            transactionalIdPrefix = c.transactionalIdPrefix;
            retryAfter = c.retryAfter;
            createTopics = c.createTopics;
            replicationFactor = c.replicationFactor;
            adminTimeout = c.adminTimeout;
            stopTimeout = c.stopTimeout;
            apiKeys = c.apiKeys;
            rateLimit = c.rateLimit;
            kafkaClient = c.kafkaClient;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder bootstrapServers(String v) { bootstrapServers = v; return this; }
        public Builder ratingScale(RatingScale v) { ratingScale = v; return this; }
        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }
        public Builder maxBatchRows(int v) { maxBatchRows = v; return this; }
        public Builder maxIdLength(int v) { maxIdLength = v; return this; }
        public Builder maxFutureSkew(Duration v) { maxFutureSkew = v; return this; }
        public Builder maxBlock(Duration v) { maxBlock = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder deliveryTimeout(Duration v) { deliveryTimeout = v; return this; }
        public Builder linger(Duration v) { linger = v; return this; }
        public Builder producers(int v) { producers = v; return this; }
        public Builder transactionalIdPrefix(String v) { transactionalIdPrefix = v; return this; }
        public Builder retryAfter(Duration v) { retryAfter = v; return this; }
        public Builder createTopics(boolean v) { createTopics = v; return this; }
        public Builder replicationFactor(short v) { replicationFactor = v; return this; }
        public Builder adminTimeout(Duration v) { adminTimeout = v; return this; }
        public Builder stopTimeout(Duration v) { stopTimeout = v; return this; }
        public Builder apiKeys(ApiKeys v) { apiKeys = v; return this; }
        public Builder rateLimit(double v) { rateLimit = v; return this; }
        public Builder kafkaClient(KafkaClientProperties v) { kafkaClient = v; return this; }

        public IngestConfig build() {
            return new IngestConfig(host, port, bootstrapServers, ratingScale, maxBodyBytes, maxBatchRows, maxIdLength,
                    maxFutureSkew, maxBlock, requestTimeout, deliveryTimeout, linger, producers, transactionalIdPrefix,
                    retryAfter, createTopics, replicationFactor, adminTimeout, stopTimeout, apiKeys, rateLimit, kafkaClient);
        }
    }
}
