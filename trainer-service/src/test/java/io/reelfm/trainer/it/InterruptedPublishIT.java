package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.SnapshotAssembler;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.snapshot.PublishFault;
import io.reelfm.trainer.testdata.GeneratedRatings;

class InterruptedPublishIT {

    @Test
    void trainerKilledMidPublishLeavesNoVisibleVersionAndTheRestartedOnePublishesACompleteOne() {
        String model = unique("crash-als");
        produce(GeneratedRatings.generate(unique("cr"), 200, 150, 30, 41));
        TrainerConfig config = config(model, Map.of(
                "reelfm.trainer.min-ratings", String.valueOf(storedRatings()),
                "reelfm.trainer.model." + model + ".factors", "32",
                "reelfm.trainer.snapshot.chunk-bytes", "4096"));

        try (TrainerService dying = TrainerService.start(config.withPublishFault(PublishFault.STOP_AFTER_HALF_OF_THE_CHUNKS))) {
            Awaitility.await().atMost(Duration.ofSeconds(90))
                    .until(() -> !get(dying.port(), "/status").get("running").asBoolean());
            assertThat(get(dying.port(), "/status").get("failure").asText()).contains("stopped after");
        }
        Map<String, ModelChunk> partial = chunks(model);
        assertThat(partial).isNotEmpty().allSatisfy((k, v) -> assertThat(k).startsWith(model + "/1/"));
        assertThat(manifests(model)).isEmpty();
        assertThat(active(model)).isNull();

        try (TrainerService restarted = TrainerService.start(config)) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> active(model) != null);
            assertThat(model(restarted.port(), model).get("version").asLong()).isEqualTo(2);
        }
        ModelManifest manifest = active(model);
        assertThat(manifest.getVersion()).isEqualTo(2);
        assertThat(partial.size()).isLessThan(manifest.getChunkCount());
        SnapshotAssembler.Assembly assembled = assembleActive(model);
        assertThat(assembled.complete()).as(assembled.detail()).isTrue();
        assertThat(chunks(model).entrySet()).filteredOn(e -> e.getKey().startsWith(model + "/1/"))
                .allMatch(e -> e.getValue() == null);
    }
}
