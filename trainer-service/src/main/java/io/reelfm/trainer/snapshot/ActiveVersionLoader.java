package io.reelfm.trainer.snapshot;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.SnapshotAssembler;

/**
 * Loads a model's active version back from the snapshot topics exactly as serving does (follow
 * the pointer, assemble, verify), so the gate compares each candidate with what is really being
 * served, also after a restart or a rollback.
 */
public final class ActiveVersionLoader {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionLoader.class);

    private ActiveVersionLoader() {
    }

    /** @param client extra consumer settings (TLS, SASL) passed through unchanged */
    public static Optional<Loaded> load(String bootstrapServers, Map<String, String> client, String model, Duration timeout) {
        SnapshotAssembler assembler = new SnapshotAssembler();
        PublishedModels models = SnapshotTopicsReader.read(bootstrapServers, client, model::equals, assembler, timeout);
        Optional<ModelManifest> active = models.active(model);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        SnapshotAssembler.Assembly a = assembler.assemble(active.get());
        if (!a.complete()) {
            log.warn("Active version {}/{} cannot be assembled: {}", model, active.get().getVersion(), a.detail());
            return Optional.empty();
        }
        return Optional.of(new Loaded(active.get(), a.payload()));
    }

    /** A verified version: its manifest and payload. */
    public record Loaded(ModelManifest manifest, byte[] payload) {
    }
}
