package io.reelfm.trainer.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotChunker;
import io.reelfm.schemas.snapshot.SnapshotKeys;

/**
 * Writes model versions to the snapshot topics in the order that makes partial versions
 * harmless: all chunks (flushed), then the manifest on {@code model-manifests}, then the same
 * manifest on {@code model-active}. A reader that follows the active pointer and verifies chunk
 * count and checksum can never assemble a half-written or mixed version.
 *
 * <p>After each publication it keeps the newest {@code retain} versions (and always the active
 * one) and tombstones the chunks and manifests of older versions and of interrupted
 * publications, so the compacted topics stay bounded. Rollback re-points {@code model-active}
 * to the newest retained version older than the active one. Thread-safe (methods are
 * serialised).
 */
public final class SnapshotPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final PublishedModels models;
    private final int chunkBytes;
    private final int retain;
    private final PublishFault fault;

    public SnapshotPublisher(String bootstrapServers, PublishedModels models, int chunkBytes, int retain, PublishFault fault) {
        this(bootstrapServers, Map.of(), models, chunkBytes, retain, fault);
    }

    /** @param client extra producer settings (TLS, SASL) passed through unchanged */
    public SnapshotPublisher(String bootstrapServers, Map<String, String> client, PublishedModels models, int chunkBytes,
                             int retain, PublishFault fault) {
        if (retain < 1) {
            throw new IllegalArgumentException("retain must be >= 1, was " + retain);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(1_048_576));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.putAll(client);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.models = models;
        this.chunkBytes = chunkBytes;
        this.retain = retain;
        this.fault = fault;
    }

    public PublishedModels models() {
        return models;
    }

    /**
     * Publishes a new version and makes it active.
     *
     * @throws PublishInterruptedException when the injected fault stops it before the manifest
     */
    public synchronized ModelManifest publish(VersionDraft draft) {
        long version = models.nextVersion(draft.model());
        models.seeVersion(draft.model(), version);
        List<ModelChunk> chunks = SnapshotChunker.split(draft.model(), version, draft.payload(), chunkBytes);
        List<Future<RecordMetadata>> sent = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            sent.add(send(Topics.MODEL_CHUNKS, SnapshotKeys.chunk(draft.model(), version, i), chunks.get(i)));
            models.seeChunk(draft.model(), version, i);
            if (fault.stopAfter(i + 1, chunks.size())) {
                producer.flush();
                throw new PublishInterruptedException("publication of " + draft.model() + "/" + version
                        + " stopped after " + (i + 1) + " of " + chunks.size() + " chunks");
            }
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            await(f, "chunks of " + draft.model() + "/" + version);
        }
        ModelManifest manifest = ModelManifest.newBuilder()
                .setModelName(draft.model()).setVersion(version).setKind(draft.kind()).setLearner(draft.learner())
                .setHyperparameters(new HashMap<>(draft.hyperparameters()))
                .setTrainedOffsets(new HashMap<>(draft.trainedOffsets()))
                .setMetrics(new HashMap<>(draft.metrics())).setCounts(new HashMap<>(draft.counts()))
                .setChunkCount(chunks.size()).setPayloadBytes(draft.payload().length)
                .setChecksum(SnapshotChunker.checksum(draft.payload())).setCreatedAt(Instant.now()).build();
        sendAndWait(Topics.MODEL_MANIFESTS, SnapshotKeys.manifest(draft.model(), version), manifest);
        models.putManifest(manifest);
        sendAndWait(Topics.MODEL_ACTIVE, SnapshotKeys.active(draft.model()), manifest);
        models.setActive(manifest);
        log.info("Published {}/{}: {} bytes in {} chunks, metrics {}", draft.model(), version,
                draft.payload().length, chunks.size(), draft.metrics());
        enforceRetention(draft.model());
        return manifest;
    }

    /** Re-points the model to the newest retained version older than the active one. */
    public synchronized Optional<ModelManifest> rollback(String model) {
        Optional<ModelManifest> current = models.active(model);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        long activeVersion = current.get().getVersion();
        Optional<ModelManifest> previous = models.versions(model).stream()
                .filter(m -> m.getVersion() < activeVersion).findFirst();
        previous.ifPresent(m -> {
            sendAndWait(Topics.MODEL_ACTIVE, SnapshotKeys.active(model), m);
            models.setActive(m);
            log.info("Rolled {} back from version {} to {}", model, activeVersion, m.getVersion());
        });
        return previous;
    }

    /** Tombstones versions beyond the newest {@code retain} (never the active one) and interrupted publications. */
    public synchronized void enforceRetention(String model) {
        long activeVersion = models.active(model).map(ModelManifest::getVersion).orElse(-1L);
        List<ModelManifest> versions = models.versions(model);
        for (int n = retain; n < versions.size(); n++) {
            ModelManifest old = versions.get(n);
            if (old.getVersion() == activeVersion) {
                continue;
            }
            for (int i = 0; i < old.getChunkCount(); i++) {
                send(Topics.MODEL_CHUNKS, SnapshotKeys.chunk(model, old.getVersion(), i), null);
                models.dropChunk(model, old.getVersion(), i);
            }
            send(Topics.MODEL_MANIFESTS, SnapshotKeys.manifest(model, old.getVersion()), null);
            models.removeManifest(model, old.getVersion());
            log.info("Deleted {}/{} (retaining {} versions)", model, old.getVersion(), retain);
        }
        for (Map.Entry<Long, Integer> orphan : models.unfinished(model).entrySet()) {
            for (int i = 0; i < orphan.getValue(); i++) {
                send(Topics.MODEL_CHUNKS, SnapshotKeys.chunk(model, orphan.getKey(), i), null);
                models.dropChunk(model, orphan.getKey(), i);
            }
            log.info("Deleted {} chunks of the interrupted publication {}/{}", orphan.getValue(), model, orphan.getKey());
        }
        producer.flush();
    }

    private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        return producer.send(topic.record(key, value));
    }

    private <V> void sendAndWait(Topic<String, V> topic, String key, V value) {
        await(send(topic, key, value), topic.name() + " " + key);
    }

    private static void await(Future<RecordMetadata> f, String what) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
