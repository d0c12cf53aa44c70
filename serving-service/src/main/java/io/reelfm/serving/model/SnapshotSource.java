package io.reelfm.serving.model;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.SnapshotKeys;

/**
 * Where the model loader reads published versions from: the active pointer per model name and
 * the chunks of one version. Backed by the global stores of the serving topology; reads may
 * throw {@code InvalidStateStoreException} while the stores are not available, which the loader
 * treats as "try again later".
 */
public interface SnapshotSource {

    Optional<ModelManifest> active(String model);

    /** Feeds every chunk record of {@code model/version} to {@code sink}. */
    void chunks(String model, long version, BiConsumer<String, ModelChunk> sink);

    /** A source over the two global stores, looked up on each call (stores are replaced on restart). */
    static SnapshotSource of(java.util.function.Supplier<ReadOnlyKeyValueStore<String, ModelManifest>> active,
                             java.util.function.Supplier<ReadOnlyKeyValueStore<String, ModelChunk>> chunks) {
        return new SnapshotSource() {
            @Override
            public Optional<ModelManifest> active(String model) {
                return Optional.ofNullable(active.get().get(SnapshotKeys.active(model)));
            }

            @Override
            public void chunks(String model, long version, BiConsumer<String, ModelChunk> sink) {
                String prefix = SnapshotKeys.manifest(model, version) + "/";
                try (KeyValueIterator<String, ModelChunk> it = chunks.get().prefixScan(prefix, Serdes.String().serializer())) {
                    while (it.hasNext()) {
                        KeyValue<String, ModelChunk> kv = it.next();
                        sink.accept(kv.key, kv.value);
                    }
                }
            }
        };
    }
}
