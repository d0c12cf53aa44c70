package io.reelfm.serving.experiment;

import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.Impression;
import io.reelfm.schemas.Topics;
import io.reelfm.serving.recommend.RecommendationListener;
import io.reelfm.serving.recommend.Recommendations;

/**
 * Writes every served recommendation list to the impressions topic (keyed by user id, like
 * ratings), asynchronously so the response never waits for Kafka. A lost impression only
 * lowers the measured sample; it never fails a request, so send errors are logged and counted.
 *
 * <p>Lists are gathered for a linger time (100 ms by default) and sent in batches: one produce
 * request per partition per linger instead of one per list, and the experiment topology's
 * consumer wakes up for a batch instead of a record. On a small machine that CPU is taken from
 * the requests being served: docs/benchmarks.md measures the broker's and the stream thread's
 * share per list falling to about a third. Experiment figures arrive that much later.
 */
public final class ImpressionPublisher implements RecommendationListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImpressionPublisher.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    /** @param linger how long lists are gathered into one batch per partition */
    public ImpressionPublisher(String bootstrapServers, java.time.Duration linger) {
        this(bootstrapServers, java.util.Map.of(), linger);
    }

    /** @param client extra producer settings (TLS, SASL) passed through unchanged */
    public ImpressionPublisher(String bootstrapServers, java.util.Map<String, String> client, java.time.Duration linger) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(linger.toMillis()));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void served(Recommendations r) {
        Impression impression = Impression.newBuilder().setRequestId(r.requestId()).setUserId(r.userId())
                .setVariant(r.variant()).setModel(r.model()).setModelVersion(r.modelVersion())
                .setItems(r.items().stream().map(Recommendations.Item::itemId).toList())
                .setTimestamp(Instant.now()).build();
        try {
            producer.send(Topics.IMPRESSIONS.record(r.userId(), impression), (md, e) -> {
                        if (e != null) {
                            failures.incrementAndGet();
                            log.warn("Impression {} not recorded: {}", r.requestId(), e.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn("Impression {} not recorded: {}", r.requestId(), e.getMessage());
        }
    }

    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
