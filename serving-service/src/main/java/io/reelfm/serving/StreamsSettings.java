package io.reelfm.serving;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

import io.reelfm.schemas.Topics;
import io.reelfm.serving.topology.DeadLetterHandler;

/**
 * The Kafka Streams configuration serving runs with, derived from {@link ServingConfig}:
 * exactly-once v2, the dead-letter deserialisation handler, standby replicas, a short consumer
 * session (failover), the {@code application.server} that makes interactive-query routing
 * possible, compaction-friendly settings for the changelog topics it creates
 * ({@link Topics#AGGREGATE_LOG}), and any pass-through client settings (TLS, SASL).
 */
public final class StreamsSettings {

    /** How often a warmed-up instance is checked for taking its tasks back. */
    static final long PROBING_REBALANCE_INTERVAL_MS = 60_000;

    private StreamsSettings() {
    }

    /** @param advertisedPort the port this instance's HTTP server actually bound */
    public static Properties of(ServingConfig c, int advertisedPort) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, c.advertisedHost() + ":" + advertisedPort);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, c.standbyReplicas());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, c.streamThreads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, c.stateDir().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, c.commitInterval().toMillis());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, c.stateCacheBytes());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) c.replicationFactor());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(DeadLetterHandler.TOPIC_CONFIG, c.deadLetterTopic());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // The partition assignor builds its own StreamsConfig from the main consumer's settings and
        // would warn that the handler is off for global stores; it reads the flag from there.
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Changelogs of aggregates rewritten whole per update (item statistics) stay near the live state.
        Topics.AGGREGATE_LOG.forEach((key, value) -> p.put(StreamsConfig.topicPrefix(key), value));
        // A rejoined instance warms its stores up as a standby and takes its users back at the next
        // probing rebalance: every minute (Kafka's minimum) rather than the default ten.
        p.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, PROBING_REBALANCE_INTERVAL_MS);
        // A killed instance's partitions move once its session expires; heartbeat three times per session.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) c.sessionTimeout().toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), (int) c.sessionTimeout().toMillis() / 3);
        return c.kafkaClient().applyTo(p);
    }
}
