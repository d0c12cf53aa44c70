package io.reelfm.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.reelfm.schemas.Topics;
import io.reelfm.service.config.ConfigException;
import io.reelfm.service.auth.ApiKeys;
import io.reelfm.service.config.KafkaClientProperties;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.topology.ServingTopology;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.web.WebConfig;

/**
 * Everything the serving service needs, read once at start from {@link Settings} (environment
 * variables such as {@code REELFM_SERVING_PORT} override the file). Keys and defaults:
 *
 * @param host              {@code reelfm.serving.host}, default {@code 0.0.0.0}
 * @param port              {@code reelfm.serving.port}, default 8080; 0 picks a free port (tests)
 * @param advertisedHost    {@code reelfm.serving.advertised-host}, default {@code localhost}: the host other
 *                          instances use to forward requests here ({@code application.server} is this plus the bound port)
 * @param bootstrapServers  {@code reelfm.kafka.bootstrap-servers}, default {@code localhost:9092}
 * @param replicationFactor {@code reelfm.kafka.replication-factor}, default 1, for topics this service creates
 * @param applicationId     {@code reelfm.serving.application-id}, default {@code reelfm-serving}: the Kafka Streams
 *                          application id; instances sharing it split the user partitions between them
 * @param stateDir          {@code reelfm.serving.state-dir}, default {@code <tmp>/reelfm-serving}: local state stores
 * @param standbyReplicas   {@code reelfm.serving.standby-replicas}, default 1: warm copies of user state on other instances
 * @param streamThreads     {@code reelfm.serving.stream-threads}, default 1
 * @param commitInterval    {@code reelfm.serving.commit-interval}, default 100ms: how often the exactly-once
 *                          transaction commits, which bounds how late popularity, trending and experiment figures
 *                          reflect a rating (a user's own rating reaches their recommendations as soon as it is
 *                          processed, without waiting for the commit)
 * @param variants          {@code reelfm.serving.variants}, default {@code ranking:ranking:50,mcmc:fm-mcmc:50}:
 *                          comma-separated {@code name:model:weight} A/B variants; users are assigned stickily by
 *                          hash. The default splits users evenly between the trainer's ranking model (implicit ALS,
 *                          trained for the top of the list) and its Bayesian rating model, so the per-variant hit
 *                          rate of {@code /experiments} shows which lists people take up
 * @param maxK              {@code reelfm.serving.max-k}, default 100: the largest {@code k} or {@code limit} accepted
 * @param maxHistory        {@code reelfm.serving.max-history}, default 2000: ratings kept per user (newest win)
 * @param minVotes          {@code reelfm.serving.popularity.min-votes}, default 20: the prior weight {@code m} of the
 *                          Bayesian average rating ({@code (v R + m C) / (v + m)})
 * @param modelPollInterval {@code reelfm.serving.model-poll-interval}, default 200ms: how often the loader checks for a
 *                          newly activated model version
 * @param forwardTimeout    {@code reelfm.serving.forward-timeout}, default 3s: timeout of a request forwarded to the
 *                          instance owning a user; a third of it bounds connecting. An owner that does not answer
 *                          is not tried again (its users are answered from the local replica) until a background
 *                          probe of its liveness endpoint, once a second, hears it again
 * @param impressionWindow  {@code reelfm.serving.impression-window}, default 1h: how long after an impression a rating of
 *                          a recommended item counts as a hit
 * @param impressionLinger  {@code reelfm.serving.impression-linger}, default 100ms: how long served lists are
 *                          gathered before being written to the impressions topic as one batch. Longer means fewer
 *                          requests for the broker and for the experiment topology to wake up for, at the cost of
 *                          experiment figures arriving that much later; responses never wait for it
 * @param maxInFlight       {@code reelfm.serving.max-in-flight}, default 8 per available processor: recommendation lists
 *                          computed at once on this instance; a request beyond that waits for a slot (see
 *                          {@code maxQueueWait}) or is answered 503 with {@code Retry-After} (see {@code LoadShedder})
 * @param maxQueueWait      {@code reelfm.serving.max-queue-wait}, default 250ms: how long a recommendation request may
 *                          wait for one of the max-in-flight slots (at most four waiters per slot) before it is
 *                          answered 503; 0 sheds at once. A stall (a collection pause, a rebalance after an instance
 *                          died) then costs waiting callers milliseconds instead of the second of Retry-After
 * @param userVectorCache   {@code reelfm.serving.user-vector-cache}, default 100,000: users whose folded-in vector each
 *                          served model keeps (k + 1 floats each, in arrays grown as users arrive), so a returning
 *                          user with an unchanged history is not folded in again; 0 folds in on every request
 * @param deadLetterTopic   {@code reelfm.serving.dead-letter-topic}, default {@code dead-letters}
 * @param stopTimeout       {@code reelfm.serving.stop-timeout}, default 10s: graceful HTTP stop
 * @param clusterModel      {@code reelfm.serving.cluster-model}, default {@code content-kmeans}: the {@code kmeans} model
 *                          behind {@code /clusters} and {@code method=cluster}; optional (readiness does not wait for it),
 *                          {@code none} disables it
 * @param ratingModel       {@code reelfm.serving.rating-model}, default {@code fm-mcmc}: the rating model behind each
 *                          item's {@code predictedRating} and {@code /predict} for users whose variant serves a ranking
 *                          model (whose scores are not ratings); optional (readiness does not wait for it), {@code none}
 *                          leaves those predictions empty
 * @param dedupeCapacity    {@code reelfm.serving.dedupe-capacity}, default 2,000,000: rating event ids remembered per
 *                          ratings partition so that a repeated event id changes no statistic
 * @param stateCacheBytes   {@code reelfm.serving.state-cache-bytes}, default a sixteenth of the JVM's heap, at least
 *                          10 MiB (Kafka Streams' own default) and at most 256 MiB: the record cache in front of the
 *                          state stores, shared by the stream threads. Updates of one key (an item's statistics, a
 *                          user's history head) are folded there until the commit; a cache smaller than the keys
 *                          touched between two commits evicts and writes each update on its own
 *                          (docs/benchmarks.md, "Where serving's CPU goes at the 25M shape")
 * @param sessionTimeout    {@code reelfm.serving.session-timeout}, default 6s: the Streams consumer's session timeout
 *                          (heartbeats every third of it). A killed instance's partitions move after this long; until
 *                          then its users are answered from standby replicas (marked stale) or non-personalised
 * @param internalSecret    {@code reelfm.serving.internal-secret} [REELFM_SERVING_INTERNAL_SECRET], default derived from
 *                          {@code reelfm.api-keys} when set: signs requests forwarded between instances, so a client
 *                          cannot pass itself off as one. Every instance must have the same value
 * @param kafkaClient       {@code reelfm.kafka.client.*}: Kafka client settings such as TLS and SASL, passed through
 * @param readyMaxLag       {@code reelfm.serving.ready-max-lag}, default 1000: {@code /health/ready} says UP only when this
 *                          instance's active tasks are at most this many input records behind (summed over partitions),
 *                          so a load balancer does not send users to an instance still replaying their ratings
 * @param web               {@code reelfm.serving.web.*}: where the web page's ratings and model history are relayed
 *                          (see {@link WebConfig})
 */
public record ServingConfig(String host, int port, String advertisedHost, String bootstrapServers,
                            short replicationFactor, String applicationId, Path stateDir, int standbyReplicas,
                            int streamThreads, Duration commitInterval, List<Variant> variants, int maxK,
                            int maxHistory, int minVotes, Duration modelPollInterval, Duration forwardTimeout,
                            Duration impressionWindow, Duration impressionLinger, int maxInFlight, Duration maxQueueWait,
                            int userVectorCache, String deadLetterTopic,
                            Duration stopTimeout, String clusterModel, String ratingModel, long dedupeCapacity,
                            long stateCacheBytes, Duration sessionTimeout, String internalSecret, KafkaClientProperties kafkaClient,
                            long readyMaxLag, WebConfig web) {

    /** An even A/B split between the ranking model and the rating model the trainer publishes by default. */
    public static final String DEFAULT_VARIANTS = "ranking:ranking:50,mcmc:fm-mcmc:50";

    public ServingConfig {
        ConfigException.require(port >= 0 && port <= 65535, "reelfm.serving.port", "must be 0..65535, was " + port);
        ConfigException.require(advertisedHost != null && !advertisedHost.isBlank(), "reelfm.serving.advertised-host", "must not be empty");
        ConfigException.require(bootstrapServers != null && !bootstrapServers.isBlank(), "reelfm.kafka.bootstrap-servers", "must not be empty");
        ConfigException.require(replicationFactor >= 1, "reelfm.kafka.replication-factor", "must be >= 1");
        ConfigException.require(applicationId != null && applicationId.matches("[A-Za-z0-9._-]+"), "reelfm.serving.application-id",
                "must be non-empty letters, digits, '.', '_' or '-', was '" + applicationId + "'");
        Objects.requireNonNull(stateDir, "stateDir");
        ConfigException.require(standbyReplicas >= 0, "reelfm.serving.standby-replicas", "must be >= 0, was " + standbyReplicas);
        ConfigException.require(streamThreads >= 1, "reelfm.serving.stream-threads", "must be >= 1, was " + streamThreads);
        ConfigException.require(commitInterval.toMillis() >= 1, "reelfm.serving.commit-interval", "must be positive");
        ConfigException.require(!variants.isEmpty(), "reelfm.serving.variants", "must name at least one variant");
        ConfigException.require(variants.stream().map(Variant::name).distinct().count() == variants.size(),
                "reelfm.serving.variants", "must not repeat a variant name");
        ConfigException.require(maxK >= 1 && maxK <= 10_000, "reelfm.serving.max-k", "must be 1..10000, was " + maxK);
        ConfigException.require(maxHistory >= 1, "reelfm.serving.max-history", "must be >= 1, was " + maxHistory);
        ConfigException.require(minVotes >= 0, "reelfm.serving.popularity.min-votes", "must be >= 0, was " + minVotes);
        ConfigException.require(modelPollInterval.toMillis() >= 1, "reelfm.serving.model-poll-interval", "must be positive");
        ConfigException.require(forwardTimeout.toMillis() >= 3, "reelfm.serving.forward-timeout", "must be at least 3ms, was " + forwardTimeout);
        ConfigException.require(impressionWindow.toMillis() >= 1, "reelfm.serving.impression-window", "must be positive");
        ConfigException.require(!impressionLinger.isNegative() && impressionLinger.toMillis() <= 60_000,
                "reelfm.serving.impression-linger", "must be 0 to 60s");
        ConfigException.require(maxInFlight >= 1, "reelfm.serving.max-in-flight", "must be at least 1");
        ConfigException.require(!maxQueueWait.isNegative() && maxQueueWait.toMillis() <= 10_000,
                "reelfm.serving.max-queue-wait", "must be 0 to 10s, was " + maxQueueWait);
        ConfigException.require(userVectorCache >= 0 && userVectorCache <= 100_000_000, "reelfm.serving.user-vector-cache",
                "must be 0 to 100000000, was " + userVectorCache);
        ConfigException.require(deadLetterTopic != null && !deadLetterTopic.isBlank(), "reelfm.serving.dead-letter-topic", "must not be empty");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        ConfigException.require(clusterModel != null && !clusterModel.isBlank() && !clusterModel.contains("/"),
                "reelfm.serving.cluster-model", "must be a model name without '/' or none, was '" + clusterModel + "'");
        ConfigException.require(ratingModel != null && !ratingModel.isBlank() && !ratingModel.contains("/"),
                "reelfm.serving.rating-model", "must be a model name without '/' or none, was '" + ratingModel + "'");
        ConfigException.require(dedupeCapacity >= 1, "reelfm.serving.dedupe-capacity", "must be >= 1, was " + dedupeCapacity);
        ConfigException.require(stateCacheBytes >= 0, "reelfm.serving.state-cache-bytes", "must be >= 0, was " + stateCacheBytes);
        ConfigException.require(sessionTimeout.toMillis() >= 3000 && sessionTimeout.toMillis() <= 300_000,
                "reelfm.serving.session-timeout", "must be 3s to 5m, was " + sessionTimeout);
        Objects.requireNonNull(internalSecret, "internalSecret");
        Objects.requireNonNull(kafkaClient, "kafkaClient");
        Objects.requireNonNull(web, "web");
        ConfigException.require(readyMaxLag >= 0, "reelfm.serving.ready-max-lag", "must be >= 0, was " + readyMaxLag);
        variants = List.copyOf(variants);
    }

    public static ServingConfig from(Settings s) {
        return new ServingConfig(
                s.string("reelfm.serving.host", "0.0.0.0"),
                s.integer("reelfm.serving.port", 8080),
                s.string("reelfm.serving.advertised-host", "localhost"),
                s.string("reelfm.kafka.bootstrap-servers", "localhost:9092"),
                (short) s.integer("reelfm.kafka.replication-factor", 1),
                s.string("reelfm.serving.application-id", "reelfm-serving"),
                Path.of(s.string("reelfm.serving.state-dir", Path.of(System.getProperty("java.io.tmpdir"), "reelfm-serving").toString())),
                s.integer("reelfm.serving.standby-replicas", 1),
                s.integer("reelfm.serving.stream-threads", 1),
                s.duration("reelfm.serving.commit-interval", Duration.ofMillis(100)),
                Variant.parseAll("reelfm.serving.variants", s.string("reelfm.serving.variants", DEFAULT_VARIANTS)),
                s.integer("reelfm.serving.max-k", 100),
                s.integer("reelfm.serving.max-history", 2000),
                s.integer("reelfm.serving.popularity.min-votes", 20),
                s.duration("reelfm.serving.model-poll-interval", Duration.ofMillis(200)),
                s.duration("reelfm.serving.forward-timeout", Duration.ofSeconds(3)),
                s.duration("reelfm.serving.impression-window", Duration.ofHours(1)),
                s.duration("reelfm.serving.impression-linger", Duration.ofMillis(100)),
                s.integer("reelfm.serving.max-in-flight", 8 * Runtime.getRuntime().availableProcessors()),
                s.duration("reelfm.serving.max-queue-wait", Duration.ofMillis(250)),
                s.integer("reelfm.serving.user-vector-cache", 100_000),
                s.string("reelfm.serving.dead-letter-topic", Topics.DEAD_LETTERS.name()),
                s.duration("reelfm.serving.stop-timeout", Duration.ofSeconds(10)),
                s.string("reelfm.serving.cluster-model", "content-kmeans"),
                s.string("reelfm.serving.rating-model", "fm-mcmc"),
                s.longValue("reelfm.serving.dedupe-capacity", ServingTopology.DEFAULT_DEDUPE_CAPACITY),
                s.longValue("reelfm.serving.state-cache-bytes", defaultStateCacheBytes(Runtime.getRuntime().maxMemory())),
                s.duration("reelfm.serving.session-timeout", Duration.ofSeconds(6)),
                s.string("reelfm.serving.internal-secret", s.string(ApiKeys.API_KEYS, "")),
                KafkaClientProperties.fromSettings(s),
                s.longValue("reelfm.serving.ready-max-lag", 1000),
                WebConfig.from(s));
    }

    /** A sixteenth of {@code maxHeapBytes}, between 10 MiB and 256 MiB. */
    static long defaultStateCacheBytes(long maxHeapBytes) {
        return Math.max(10L << 20, Math.min(256L << 20, maxHeapBytes / 16));
    }

    /**
     * The secret that signs forwarded requests: the configured one, else one every instance of
     * this application derives alike (application id and bootstrap servers) — enough to stop
     * accidental loops, not a determined client, which is why deployments set a secret or keys.
     */
    public String forwardingSecret() {
        return internalSecret.isBlank() ? applicationId + "|" + bootstrapServers : internalSecret;
    }

    /** The models the configured variants serve, each once. */
    public List<String> modelNames() {
        return variants.stream().map(Variant::model).distinct().toList();
    }

    /** Every model the loader follows: the variants' factor models, the rating model and the cluster model if enabled. */
    public List<String> loadedModelNames() {
        List<String> names = new java.util.ArrayList<>(modelNames());
        if (!"none".equals(ratingModel) && !names.contains(ratingModel)) {
            names.add(ratingModel);
        }
        if (!"none".equals(clusterModel) && !names.contains(clusterModel)) {
            names.add(clusterModel);
        }
        return names;
    }

    /** The topic through which per-variant experiment metrics are broadcast to every instance. */
    public String experimentStatsTopic() {
        return applicationId + "-experiment-stats";
    }

    /** The topic through which per-item statistics are broadcast to every instance. */
    public String itemStatsTopic() {
        return applicationId + "-item-stats";
    }
}
