package io.reelfm.trainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.trainer.config.ModelSpec;

class RejectionLogTest {

    private static Rejection rejection(int n) {
        return new Rejection(Instant.ofEpochSecond(1_700_000_000L + n), "sgd", Map.of("factors", "16"),
                Map.of("rmse", 0.95 + n / 100.0), 3, Map.of("rmse", 0.91), "holdout RMSE worse #" + n);
    }

    @Test
    void rejectionsSavedBeforeARestartAreListedAgainAfterIt(@TempDir Path dir) {
        ModelSlot before = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 2, 0.01));
        before.reject(rejection(1));
        before.reject(rejection(2));
        ModelSlot untouched = new ModelSlot(ModelSpec.als("fm-als", 8, 0.1, 2));
        new RejectionLog(dir).save(List.of(before, untouched));

        Map<String, List<Rejection>> saved = new RejectionLog(dir).load();
        assertThat(saved).containsOnlyKeys("fm-sgd");
        ModelSlot after = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 2, 0.01));
        after.restoreRejections(saved.get("fm-sgd"));
        assertThat(after.rejections()).isEqualTo(before.rejections());
        assertThat(after.rejections().get(0).reason()).isEqualTo("holdout RMSE worse #2");
    }

    @Test
    void noFileOrAnUnreadableOneMeansNothingWasRejected(@TempDir Path dir) throws Exception {
        assertThat(new RejectionLog(dir).load()).isEmpty();
        Files.writeString(dir.resolve(RejectionLog.FILE), "{not json");
        assertThat(new RejectionLog(dir).load()).isEmpty();
    }

    @Test
    void aRestoredListKeepsOnlyAsManyAsASlotDoes() {
        ModelSlot slot = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 2, 0.01));
        List<Rejection> many = java.util.stream.IntStream.range(0, 50).mapToObj(RejectionLogTest::rejection).toList();
        slot.restoreRejections(many);
        assertThat(slot.rejections()).hasSize(20).startsWith(many.get(0));
    }
}
