package io.reelfm.schemas.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;

class SnapshotAssemblerTest {

    private static byte[] payload(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static ModelManifest manifest(String model, long version, byte[] payload, int chunkCount) {
        return ModelManifest.newBuilder().setModelName(model).setVersion(version).setKind("fm").setLearner("sgd")
                .setChunkCount(chunkCount).setPayloadBytes(payload.length).setChecksum(SnapshotChunker.checksum(payload))
                .setCreatedAt(Instant.ofEpochMilli(0)).build();
    }

    private static void feed(SnapshotAssembler a, List<ModelChunk> chunks) {
        chunks.forEach(c -> a.accept(SnapshotKeys.chunk(c.getModelName(), c.getVersion(), c.getIndex()), c));
    }

    @Test
    void reassemblesAllChunksIntoTheOriginalPayload() {
        byte[] p = payload(10_000, 1);
        List<ModelChunk> chunks = SnapshotChunker.split("m", 3, p, 4096);
        assertThat(chunks).hasSize(3);
        SnapshotAssembler a = new SnapshotAssembler();
        feed(a, chunks);
        var result = a.assemble(manifest("m", 3, p, chunks.size()));
        assertThat(result.complete()).isTrue();
        assertThat(result.payload()).isEqualTo(p);
    }

    @Test
    void versionWithMissingChunksIsIncompleteNotServed() {
        byte[] p = payload(10_000, 2);
        List<ModelChunk> chunks = SnapshotChunker.split("m", 1, p, 4096);
        SnapshotAssembler a = new SnapshotAssembler();
        feed(a, chunks.subList(0, 2));
        var result = a.assemble(manifest("m", 1, p, chunks.size()));
        assertThat(result.status()).isEqualTo(SnapshotAssembler.Assembly.Status.INCOMPLETE);
        assertThat(result.payload()).isNull();
    }

    @Test
    void chunkFromAnotherAttemptFailsTheChecksum() {
        byte[] first = payload(10_000, 3);
        byte[] second = payload(10_000, 4);
        SnapshotAssembler a = new SnapshotAssembler();
        feed(a, SnapshotChunker.split("m", 5, second, 4096));
        feed(a, SnapshotChunker.split("m", 5, first, 4096).subList(0, 1));
        var result = a.assemble(manifest("m", 5, second, 3));
        assertThat(result.status()).isEqualTo(SnapshotAssembler.Assembly.Status.CORRUPT);
    }

    @Test
    void assemblesFromAKeyValueLookupSuchAsAStateStore() {
        byte[] p = payload(9_000, 7);
        java.util.Map<String, java.nio.ByteBuffer> store = new java.util.HashMap<>();
        SnapshotChunker.split("m", 2, p, 4096).forEach(c -> store.put(SnapshotKeys.chunk("m", 2, c.getIndex()), c.getPayload()));
        var result = SnapshotAssembler.assemble(manifest("m", 2, p, 3), store::get);
        assertThat(result.complete()).isTrue();
        assertThat(result.payload()).isEqualTo(p);
        store.remove(SnapshotKeys.chunk("m", 2, 1));
        assertThat(SnapshotAssembler.assemble(manifest("m", 2, p, 3), store::get).status())
                .isEqualTo(SnapshotAssembler.Assembly.Status.INCOMPLETE);
    }

    @Test
    void tombstoneRemovesChunk() {
        byte[] p = payload(100, 5);
        SnapshotAssembler a = new SnapshotAssembler();
        feed(a, SnapshotChunker.split("m", 1, p, 4096));
        a.accept(SnapshotKeys.chunk("m", 1, 0), null);
        assertThat(a.size()).isZero();
        assertThat(a.assemble(manifest("m", 1, p, 1)).complete()).isFalse();
    }

    @Test
    void chunkPayloadNeverExceedsLimit() {
        byte[] p = payload(3 * SnapshotChunker.MAX_CHUNK_BYTES + 7, 6);
        List<ModelChunk> chunks = SnapshotChunker.split("m", 1, p, SnapshotChunker.MAX_CHUNK_BYTES);
        assertThat(chunks).hasSize(4).allSatisfy(c -> assertThat(c.getPayload().remaining()).isLessThanOrEqualTo(SnapshotChunker.MAX_CHUNK_BYTES));
        assertThatThrownBy(() -> SnapshotChunker.split("m", 1, p, SnapshotChunker.MAX_CHUNK_BYTES + 1))
                .hasMessageContaining("chunkBytes");
        assertThatThrownBy(() -> SnapshotKeys.chunk("a/b", 1, 0)).hasMessageContaining("modelName");
    }

    @Test
    void keysRoundTrip() {
        assertThat(SnapshotKeys.parseChunk(SnapshotKeys.chunk("fm-sgd", 12, 3)))
                .contains(new SnapshotKeys.ChunkKey("fm-sgd", 12, 3));
        assertThat(SnapshotKeys.parseManifest(SnapshotKeys.manifest("fm-sgd", 12)))
                .contains(new SnapshotKeys.VersionKey("fm-sgd", 12));
        assertThat(SnapshotKeys.parseChunk("fm-sgd/x/1")).isEmpty();
    }
}
