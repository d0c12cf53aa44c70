package io.reelfm.serving.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotKeys;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.topology.ServingTopology;
import io.reelfm.serving.topology.StoreNames;
import io.reelfm.serving.StreamsSettings;

class ModelLoaderTest {

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ModelChunk> chunks;
    private TestInputTopic<String, ModelManifest> active;
    private ModelRegistry registry;
    private ModelLoader loader;

    @BeforeEach
    void start() {
        ServingConfig config = ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.state-dir", stateDir.toString())));
        driver = new TopologyTestDriver(ServingTopology.build("stats", 100), StreamsSettings.of(config, 8080));
        chunks = driver.createInputTopic(Topics.MODEL_CHUNKS.name(), new StringSerializer(), Topics.MODEL_CHUNKS.valueSerde().serializer());
        active = driver.createInputTopic(Topics.MODEL_ACTIVE.name(), new StringSerializer(), Topics.MODEL_ACTIVE.valueSerde().serializer());
        registry = new ModelRegistry();
        loader = new ModelLoader(List.of("fm-als", "content-kmeans"), SnapshotSource.of(
                () -> driver.getKeyValueStore(StoreNames.MODEL_ACTIVE),
                () -> driver.getKeyValueStore(StoreNames.MODEL_CHUNKS)), registry, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private ModelManifest publishChunks(long version, byte[] payload) {
        List<ModelChunk> parts = TestModels.chunks("fm-als", version, payload, 1000);
        for (ModelChunk c : parts) {
            chunks.pipeInput(SnapshotKeys.chunk("fm-als", version, c.getIndex()), c);
        }
        return TestModels.manifest("fm-als", version, payload, parts.size());
    }

    @Test
    void activatedCompleteVersionIsLoadedAndReplacedByTheNextOne() {
        byte[] v1 = TestModels.randomPayload(100, 8, "i", 1);
        active.pipeInput("fm-als", publishChunks(1, v1));
        assertThat(loader.pollOnce()).isEqualTo(1);
        assertThat(registry.get("fm-als").orElseThrow().version()).isEqualTo(1);
        assertThat(registry.hasAll(List.of("fm-als"))).isTrue();

        byte[] v2 = TestModels.randomPayload(120, 8, "i", 2);
        active.pipeInput("fm-als", publishChunks(2, v2));
        assertThat(loader.pollOnce()).isEqualTo(1);
        assertThat(registry.get("fm-als").orElseThrow().items()).isEqualTo(120);
        assertThat(loader.pollOnce()).isZero();
    }

    @Test
    void clusterModelIsLoadedAlongsideTheFactorModel() {
        byte[] payload = TestModels.clusterPayload(30, 4, "i");
        List<ModelChunk> parts = TestModels.chunks("content-kmeans", 3, payload, 100);
        for (ModelChunk c : parts) {
            chunks.pipeInput(SnapshotKeys.chunk("content-kmeans", 3, c.getIndex()), c);
        }
        active.pipeInput("content-kmeans", TestModels.manifest("content-kmeans", "kmeans", 3, payload, parts.size()));

        assertThat(loader.pollOnce()).isEqualTo(1);
        ClusterModel clusters = registry.clusters().orElseThrow();
        assertThat(clusters.version()).isEqualTo(3);
        assertThat(clusters.clusterOf("i5")).isEqualTo(1);
        assertThat(clusters.clusterOf("unknown")).isNull();
        assertThat(registry.get("content-kmeans")).isEmpty();
    }

    @Test
    void versionWithMissingChunkIsNotServedUntilTheChunkArrives() {
        byte[] payload = TestModels.randomPayload(100, 8, "i", 3);
        List<ModelChunk> parts = TestModels.chunks("fm-als", 1, payload, 1000);
        for (ModelChunk c : parts.subList(0, parts.size() - 1)) {
            chunks.pipeInput(SnapshotKeys.chunk("fm-als", 1, c.getIndex()), c);
        }
        active.pipeInput("fm-als", TestModels.manifest("fm-als", 1, payload, parts.size()));

        assertThat(loader.pollOnce()).isZero();
        assertThat(registry.get("fm-als")).isEmpty();

        ModelChunk last = parts.get(parts.size() - 1);
        chunks.pipeInput(SnapshotKeys.chunk("fm-als", 1, last.getIndex()), last);
        assertThat(loader.pollOnce()).isEqualTo(1);
    }

    @Test
    void versionFailingTheChecksumIsRejectedAndThePreviousOneKeepsServing() {
        active.pipeInput("fm-als", publishChunks(1, TestModels.randomPayload(50, 4, "i", 4)));
        loader.pollOnce();

        byte[] payload = TestModels.randomPayload(50, 4, "i", 5);
        ModelManifest m2 = publishChunks(2, payload);
        ModelChunk tampered = ModelChunk.newBuilder().setModelName("fm-als").setVersion(2).setIndex(0)
                .setPayload(ByteBuffer.wrap(new byte[1000])).build();
        chunks.pipeInput(SnapshotKeys.chunk("fm-als", 2, 0), tampered);
        active.pipeInput("fm-als", m2);

        assertThat(loader.pollOnce()).isZero();
        assertThat(registry.get("fm-als").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void failingLoadsBackOffAfterAPatientStartUpToAFewSeconds() {
        Duration poll = Duration.ofMillis(200);

        assertThat(ModelLoader.delay(poll, 0)).isEqualTo(poll);
        assertThat(ModelLoader.delay(poll, ModelLoader.PATIENT_FAILURES)).isEqualTo(poll);
        assertThat(ModelLoader.delay(poll, ModelLoader.PATIENT_FAILURES + 1)).isEqualTo(Duration.ofMillis(400));
        assertThat(ModelLoader.delay(poll, ModelLoader.PATIENT_FAILURES + 3)).isEqualTo(Duration.ofMillis(1600));
        assertThat(ModelLoader.delay(poll, 10_000)).isEqualTo(ModelLoader.MAX_BACKOFF);
    }
}
