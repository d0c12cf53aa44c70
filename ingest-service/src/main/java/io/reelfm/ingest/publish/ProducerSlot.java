package io.reelfm.ingest.publish;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.ingest.config.IngestConfig;

/**
 * One place in the publisher's pool and the transactional producer that currently fills it.
 * The producer is created on first use (so ingest starts while Kafka is down) and thrown away
 * whenever it can no longer be trusted; its successor reuses the transactional id, which is
 * what settles a transaction the old one left open.
 */
final class ProducerSlot {

    private static final Logger log = LoggerFactory.getLogger(ProducerSlot.class);

    private final int index;
    private final IngestConfig config;
    private KafkaProducer<byte[], byte[]> producer;

    ProducerSlot(int index, IngestConfig config) {
        this.index = index;
        this.config = config;
    }

    /** The slot's producer, created and initialised for transactions if there is none. */
    KafkaProducer<byte[], byte[]> producer() throws PublishException {
        if (producer != null) {
            return producer;
        }
        KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(properties(), new ByteArraySerializer(), new ByteArraySerializer());
        try {
            p.initTransactions();
        } catch (KafkaException e) {
            p.close(Duration.ZERO);
            throw new PublishException("cannot initialise a transactional Kafka producer at " + config.bootstrapServers()
                    + ": " + e.getMessage(), e);
        }
        producer = p;
        return p;
    }

    /** Aborts, or replaces the producer when even the abort fails (a timed-out abort leaves it unusable). */
    void abort() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            log.warn("Could not abort transaction of producer {}; replacing it: {}", index, e.getMessage());
            discard();
        }
    }

    /** Drops the producer at once; the next use creates a new one. */
    void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                log.debug("Closing a failed producer raised {}", e.getMessage());
            }
            producer = null;
        }
    }

    /** Closes the producer, giving in-flight sends up to {@code timeout}. */
    void close(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalIdPrefix() + "-" + index);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.maxBlock().toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis());
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis());
        // An ingest instance that dies mid-transaction blocks read_committed consumers until the
        // broker aborts it; keep that window short but longer than one bounded delivery.
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(10_000, 2 * config.deliveryTimeout().toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "reelfm-ingest-" + index);
        return config.kafkaClient().applyTo(p);
    }
}
