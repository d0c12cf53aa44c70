package io.reelfm.schemas.snapshot;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.reelfm.schemas.ModelChunk;

/**
 * Splits a serialized model version into {@link ModelChunk}s small enough for Kafka's default
 * 1 MB message limit whatever the catalogue size, and computes the checksum the manifest
 * carries. The reader side is {@link SnapshotAssembler}.
 */
public final class SnapshotChunker {

    /** Default and largest payload per chunk: 512 KiB leaves ample room under 1 MB for the envelope. */
    public static final int MAX_CHUNK_BYTES = 512 * 1024;

    private SnapshotChunker() {
    }

    public static List<ModelChunk> split(String model, long version, byte[] payload, int chunkBytes) {
        SnapshotKeys.checkName(model);
        if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("chunkBytes must be 1.." + MAX_CHUNK_BYTES + ", was " + chunkBytes);
        }
        int count = Math.max(1, (payload.length + chunkBytes - 1) / chunkBytes);
        List<ModelChunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * chunkBytes;
            int to = Math.min(payload.length, from + chunkBytes);
            chunks.add(ModelChunk.newBuilder().setModelName(model).setVersion(version).setIndex(i)
                    .setPayload(ByteBuffer.wrap(payload, from, to - from).slice()).build());
        }
        return chunks;
    }

    /** Hex SHA-256 of the payload, as carried in {@code ModelManifest.checksum}. */
    public static String checksum(byte[] payload) {
        return HexFormat.of().formatHex(sha256().digest(payload));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
