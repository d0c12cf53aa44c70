package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.snapshot.SnapshotAssembler;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.model.FmInputs;
import io.reelfm.trainer.store.TrainingState;
import io.reelfm.trainer.testdata.GeneratedRatings;

class ReplayToSnapshotIT {

    @Test
    void replayedDataSetYieldsASnapshotWhoseHoldoutRmseMatchesAnOfflineFit() {
        String model = unique("replay-als");
        String prefix = unique("rp");
        produce(GeneratedRatings.generate(prefix, 300, 200, 30, 21));
        long inTopic = storedRatings();
        TrainerConfig config = config(model, Map.of(
                "reelfm.trainer.min-ratings", String.valueOf(inTopic),
                "reelfm.trainer.model." + model + ".factors", "8",
                "reelfm.trainer.model." + model + ".lambda", "5",
                "reelfm.trainer.model." + model + ".iterations", "8",
                "reelfm.trainer.snapshot.chunk-bytes", "4096"));

        ModelManifest manifest;
        try (TrainerService trainer = TrainerService.start(config)) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> active(model) != null);
            manifest = active(model);
            JsonNode listed = model(trainer.port(), model);
            assertThat(listed.get("version").asLong()).isEqualTo(manifest.getVersion());
            assertThat(listed.get("metrics").get("rmse").asDouble()).isEqualTo(manifest.getMetrics().get("rmse"));
            assertThat(listed.get("metrics").has("ndcg@10")).isTrue();
            JsonNode status = get(trainer.port(), "/status");
            assertThat(status.get("data").get("ratings").asLong()).isGreaterThanOrEqualTo(9000);
            assertThat(status.get("training").get(model).get("durationMillis").asLong()).isNotNegative();
        }

        SnapshotAssembler.Assembly assembled = assembleActive(model);
        assertThat(assembled.complete()).as(assembled.detail()).isTrue();
        assertThat(manifest.getChunkCount()).isGreaterThan(1);
        FmSnapshot published = FmSnapshotCodec.decode(assembled.payload());

        TrainingState offline = offlineState();
        assertThat(published.items()).isEqualTo(offline.items().size());
        HoldoutSplit split = HoldoutSplit.of(offline.ratings(), offline.users(), offline.items(), config.holdoutPerUser(),
                config.holdoutMinRatings(), config.holdoutMaxUsers(), config.seed());
        FmSnapshot offlineFit = ModelSpec.als(model, 8, 5.0, 8).newFitter().fit(FmInputs.canonical(offline, split.train()));
        HoldoutMetrics offlineMetrics = new HoldoutEvaluator(10, 4f, 300).evaluate(new FmItemScorer(offlineFit),
                offline.ratings(), offline.users(), offline.items(), split, id -> null);

        double publishedRmse = manifest.getMetrics().get("rmse");
        assertThat(publishedRmse).isCloseTo(offlineMetrics.rmse(), within(0.02 * offlineMetrics.rmse()));
        assertThat(manifest.getCounts().get("holdoutRatings")).isEqualTo((long) split.holdout().length);
    }
}
