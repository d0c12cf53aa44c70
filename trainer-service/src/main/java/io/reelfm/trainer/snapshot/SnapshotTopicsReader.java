package io.reelfm.trainer.snapshot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotAssembler;
import io.reelfm.schemas.snapshot.SnapshotKeys;

/**
 * Reads the three snapshot topics from the beginning to their current end, so a starting trainer
 * knows which versions exist, which is active, which publications were interrupted, and can
 * reload the active version's payload (to gate the next candidate against it). Only models the
 * predicate accepts are kept, so several trainers with different models can share the topics.
 */
public final class SnapshotTopicsReader {

    private static final Logger log = LoggerFactory.getLogger(SnapshotTopicsReader.class);

    private SnapshotTopicsReader() {
    }

    /**
     * @param assembler when not null, receives the chunks of each wanted model's active version
     *                  (only those, so memory stays at one version per model)
     */
    public static PublishedModels read(String bootstrapServers, Predicate<String> wanted, SnapshotAssembler assembler,
                                       Duration timeout) {
        return read(bootstrapServers, Map.of(), wanted, assembler, timeout);
    }

    /** @param client extra consumer settings (TLS, SASL) passed through unchanged */
    public static PublishedModels read(String bootstrapServers, Map<String, String> client, Predicate<String> wanted,
                                       SnapshotAssembler assembler, Duration timeout) {
        PublishedModels models = new PublishedModels();
        readTopic(bootstrapServers, client, Topics.MODEL_MANIFESTS, timeout, (key, manifest) ->
                SnapshotKeys.parseManifest(key).filter(k -> wanted.test(k.model())).ifPresent(k -> {
                    if (manifest == null) {
                        models.removeManifest(k.model(), k.version());
                    } else {
                        models.putManifest(manifest);
                    }
                }));
        readTopic(bootstrapServers, client, Topics.MODEL_ACTIVE, timeout, (key, manifest) -> {
            if (manifest != null && wanted.test(key)) {
                models.setActive(manifest);
            }
        });
        readTopic(bootstrapServers, client, Topics.MODEL_CHUNKS, timeout, (key, chunk) -> {
            SnapshotKeys.parseChunk(key).filter(k -> wanted.test(k.model())).ifPresent(k -> {
                if (assembler != null && models.active(k.model()).map(a -> a.getVersion() == k.version()).orElse(false)) {
                    assembler.accept(key, chunk);
                }
                if (chunk != null) {
                    models.seeChunk(k.model(), k.version(), k.index());
                } else {
                    models.dropChunk(k.model(), k.version(), k.index());
                }
            });
        });
        return models;
    }

    interface Sink<V> {
        void accept(String key, V value);
    }

    private static <V> void readTopic(String bootstrapServers, Map<String, String> client, Topic<String, V> topic,
                                      Duration timeout, Sink<V> sink) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reelfm-trainer-snapshot-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic.name() + " after " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    String key = topic.decodeKey(r.key());
                    try {
                        V value = topic.decodeValue(r.value());
                        sink.accept(key, value);
                    } catch (SerializationException e) {
                        log.warn("Skipping undecodable {} record {}: {}", topic.name(), key, e.getMessage());
                    }
                }
            }
        }
    }

}
