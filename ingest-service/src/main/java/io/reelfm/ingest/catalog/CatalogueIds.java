package io.reelfm.ingest.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.schemas.Topics;

/**
 * The item ids of the catalogue, read from the compacted {@code movies} topic in the background,
 * so ingest can tell a producer which rated items have no catalogue record (yet) and count
 * them. A rating of such an item is still accepted: a title's first ratings may arrive before
 * its record.
 *
 * <p>Only keys are read (a tombstone removes the id), so a movie value no reader can decode
 * still counts as listed and never stops the reader. Until the reader has caught up with the
 * topic's end as it was when reading began, {@link #unlisted} answers empty: "not known yet"
 * rather than a wrong count. Movies accepted by this instance are listed at once, so a producer
 * that posts a title and then rates it is not told the title is missing while the reader lags.
 * Kafka being down only delays the reader; it retries until closed.
 */
public final class CatalogueIds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIds.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private Map<TopicPartition, Long> endAtStart;

    private CatalogueIds(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
        this.reader = new Thread(this::run, "catalogue-ids");
        this.reader.setDaemon(true);
    }

    /** Starts reading the movies topic of the configured cluster. */
    public static CatalogueIds start(IngestConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reelfm-ingest-catalogue");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.adminTimeout().toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.adminTimeout().toMillis());
        CatalogueIds catalogue = new CatalogueIds(new KafkaConsumer<>(config.kafkaClient().applyTo(props),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        catalogue.reader.start();
        return catalogue;
    }

    /** Lists ids this instance has just written to the movies topic. */
    public void listed(Collection<String> itemIds) {
        ids.addAll(itemIds);
    }

    /** Whether the topic has been read up to where it ended when reading began. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** The distinct ids among these with no catalogue record, in first-seen order; empty until caught up. */
    public Optional<List<String>> unlisted(Collection<String> itemIds) {
        if (!caughtUp) {
            return Optional.empty();
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String id : itemIds) {
            if (!ids.contains(id)) {
                missing.add(id);
            }
        }
        return Optional.of(List.copyOf(missing));
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (endAtStart == null && !assign()) {
                        Thread.sleep(RETRY.toMillis());
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        apply(record);
                    }
                    checkCaughtUp();
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    log.debug("Catalogue reader retries after: {}", e.toString());
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private boolean assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.MOVIES.name());
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        endAtStart = consumer.endOffsets(assigned);
        return true;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String itemId = Topics.MOVIES.decodeKey(record.key());
        if (record.value() == null) {
            ids.remove(itemId);
        } else {
            ids.add(itemId);
        }
    }

    private void checkCaughtUp() {
        if (caughtUp) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : endAtStart.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        caughtUp = true;
        log.info("Catalogue read up to its end: {} items listed", ids.size());
    }

    /** Stops the reader and closes its consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(RETRY.toMillis() * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
