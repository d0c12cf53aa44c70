package io.reelfm.schemas.snapshot;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;

/**
 * Reader side of the snapshot protocol: collects chunk records as they are read from
 * {@code model-chunks} (the latest value per key wins, a tombstone removes the key, as
 * compaction would) and turns a manifest into a verified payload only when every chunk it names
 * is present and the concatenation matches the manifest's size and SHA-256 checksum.
 *
 * <p>This is what makes a trainer killed mid-publish harmless: its chunks without a manifest are
 * never requested, and a manifest whose chunks were partly overwritten or lost fails
 * verification instead of yielding a mix of two versions. Not thread-safe: one reader thread
 * owns an instance.
 */
public final class SnapshotAssembler {

    private final Map<String, ByteBuffer> chunks = new HashMap<>();

    /** Applies one record of {@code model-chunks}; a null value is a tombstone. */
    public void accept(String key, ModelChunk chunk) {
        if (chunk == null) {
            chunks.remove(key);
        } else {
            chunks.put(key, chunk.getPayload().asReadOnlyBuffer());
        }
    }

    /** How many chunk keys are currently held (for metrics and tests). */
    public int size() {
        return chunks.size();
    }

    /** Drops the chunks of one version once it has been loaded or is no longer wanted. */
    public void forget(String model, long version, int chunkCount) {
        for (int i = 0; i < chunkCount; i++) {
            chunks.remove(SnapshotKeys.chunk(model, version, i));
        }
    }

    /** Assembles and verifies the version the manifest describes from the chunks accepted so far. */
    public Assembly assemble(ModelManifest manifest) {
        return assemble(manifest, key -> chunks.get(key));
    }

    /**
     * Assembles and verifies a version from any chunk source, such as a key-value store holding
     * the {@code model-chunks} topic; {@code lookup} returns the payload for a chunk key or null.
     */
    public static Assembly assemble(ModelManifest manifest, Function<String, ByteBuffer> lookup) {
        Map<String, ByteBuffer> chunks = new HashMap<>();
        for (int i = 0; i < Math.max(0, manifest.getChunkCount()); i++) {
            String key = SnapshotKeys.chunk(manifest.getModelName(), manifest.getVersion(), i);
            ByteBuffer b = lookup.apply(key);
            if (b != null) {
                chunks.put(key, b.asReadOnlyBuffer());
            }
        }
        return verify(manifest, chunks);
    }

    private static Assembly verify(ModelManifest manifest, Map<String, ByteBuffer> chunks) {
        String model = manifest.getModelName();
        long version = manifest.getVersion();
        int count = manifest.getChunkCount();
        if (count < 1) {
            return Assembly.corrupt("manifest of " + model + "/" + version + " has chunkCount " + count);
        }
        long size = 0;
        int missing = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer b = chunks.get(SnapshotKeys.chunk(model, version, i));
            if (b == null) {
                missing++;
            } else {
                size += b.remaining();
            }
        }
        if (missing > 0) {
            return Assembly.incomplete(missing + " of " + count + " chunks of " + model + "/" + version + " not present");
        }
        if (size != manifest.getPayloadBytes()) {
            return Assembly.corrupt(model + "/" + version + " chunks hold " + size + " bytes, manifest says " + manifest.getPayloadBytes());
        }
        if (size > Integer.MAX_VALUE - 16) {
            return Assembly.corrupt(model + "/" + version + " payload of " + size + " bytes is too large");
        }
        byte[] payload = new byte[(int) size];
        int pos = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer b = chunks.get(SnapshotKeys.chunk(model, version, i)).duplicate();
            int n = b.remaining();
            b.get(payload, pos, n);
            pos += n;
        }
        MessageDigest digest = SnapshotChunker.sha256();
        String actual = HexFormat.of().formatHex(digest.digest(payload));
        if (!actual.equalsIgnoreCase(manifest.getChecksum())) {
            return Assembly.corrupt(model + "/" + version + " checksum " + actual + " does not match manifest " + manifest.getChecksum());
        }
        return Assembly.complete(payload);
    }

    /**
     * Outcome of {@link #assemble}: {@code COMPLETE} with the payload; {@code INCOMPLETE} when
     * chunks are still missing (they may yet arrive); {@code CORRUPT} when they can never match.
     */
    public record Assembly(Status status, byte[] payload, String detail) {

        public enum Status { COMPLETE, INCOMPLETE, CORRUPT }

        static Assembly complete(byte[] payload) {
            return new Assembly(Status.COMPLETE, payload, "ok");
        }

        static Assembly incomplete(String detail) {
            return new Assembly(Status.INCOMPLETE, null, detail);
        }

        static Assembly corrupt(String detail) {
            return new Assembly(Status.CORRUPT, null, detail);
        }

        public boolean complete() {
            return status == Status.COMPLETE;
        }
    }
}
