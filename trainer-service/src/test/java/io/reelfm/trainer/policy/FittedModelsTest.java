package io.reelfm.trainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.model.FmFitter;
import io.reelfm.trainer.model.FmInputs;
import io.reelfm.trainer.store.TrainingState;
import io.reelfm.trainer.testdata.GeneratedRatings;

class FittedModelsTest {

    private static TrainingState state(int count) {
        List<RatingEvent> events = GeneratedRatings.generate("fm", 200, 150, 30, 21);
        TrainingState s = new TrainingState(1 << 16);
        for (int n = 0; n < count; n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        return s;
    }

    private static int[] all(TrainingState s) {
        return java.util.stream.IntStream.range(0, s.ratings().size()).toArray();
    }

    @Test
    void aRestartedFitterContinuesFromTheSavedParameters(@TempDir Path dir) {
        TrainingState s = state(4_000);
        ModelSlot before = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 10, 0.01));
        before.fitter().fit(FmInputs.of(s, all(s)));
        new FittedModels(dir).save(List.of(before));

        ModelSlot after = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 10, 0.01));
        assertThat(new FittedModels(dir).restore(List.of(after))).isEqualTo(1);
        assertThat(after.fitter().fitted()).isTrue();
        assertThat(((FmFitter) after.fitter()).model().space().names())
                .isEqualTo(((FmFitter) before.fitter()).model().space().names());

        // the next fit starts where the saved one ended, not from random factors
        FmSnapshot warm = after.fitter().fit(FmInputs.of(s, all(s)));
        FmSnapshot again = before.fitter().fit(FmInputs.of(s, all(s)));
        FmSnapshot cold = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 10, 0.01)).fitter().fit(FmInputs.of(s, all(s)));
        assertThat(warm.itemBias(0)).isEqualTo(again.itemBias(0));
        assertThat(warm.itemFactor(0)).containsExactly(again.itemFactor(0));
        assertThat(warm.itemFactor(0)).isNotEqualTo(cold.itemFactor(0));
    }

    @Test
    void missingUnreadableOrMismatchedFilesMeanAColdStart(@TempDir Path dir) throws Exception {
        ModelSlot slot = new ModelSlot(ModelSpec.sgd("fm-sgd", 8, 0.05, 10, 0.01));
        assertThat(new FittedModels(dir).restore(List.of(slot))).isZero();

        Files.createDirectories(dir.resolve("models"));
        Files.write(new FittedModels(dir).file("fm-sgd"), new byte[] {1, 2, 3});
        assertThat(new FittedModels(dir).restore(List.of(slot))).isZero();
        assertThat(slot.fitter().fitted()).isFalse();

        TrainingState s = state(2_000);
        ModelSlot k16 = new ModelSlot(ModelSpec.sgd("fm-sgd", 16, 0.05, 2, 0.01));
        k16.fitter().fit(FmInputs.of(s, all(s)));
        new FittedModels(dir).save(List.of(k16));
        assertThat(new FittedModels(dir).restore(List.of(slot))).isZero();
        assertThat(slot.fitter().fitted()).isFalse();
    }
}
