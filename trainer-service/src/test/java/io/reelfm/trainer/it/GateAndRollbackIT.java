package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.testdata.GeneratedRatings;

class GateAndRollbackIT {

    @BeforeAll
    static void data() {
        produce(GeneratedRatings.generate(unique("gr"), 200, 150, 30, 31));
    }

    private static Map<String, String> als(String model, String lambda, String iterations, long minRatings) {
        return Map.of("reelfm.trainer.min-ratings", String.valueOf(minRatings),
                "reelfm.trainer.model." + model + ".factors", "8",
                "reelfm.trainer.model." + model + ".lambda", lambda,
                "reelfm.trainer.model." + model + ".iterations", iterations);
    }

    @Test
    void worseCandidateIsRejectedAndTheOldVersionStaysActive(@TempDir Path checkpoints) {
        String model = unique("gate-als");
        long inTopic = storedRatings();
        try (TrainerService good = TrainerService.start(config(model, als(model, "5", "8", inTopic)))) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> active(model) != null);
        }
        assertThat(active(model).getVersion()).isEqualTo(1);

        Map<String, String> bad = new java.util.HashMap<>(als(model, "5000", "1", inTopic));
        bad.put("reelfm.trainer.checkpoint-dir", checkpoints.toString());
        try (TrainerService trainer = TrainerService.start(config(model, bad))) {
            JsonNode listed = Awaitility.await().atMost(Duration.ofSeconds(90))
                    .until(() -> model(trainer.port(), model), m -> m.get("rejected").size() > 0);
            assertThat(listed.get("version").asLong()).isEqualTo(1);
            JsonNode rejection = listed.get("rejected").get(0);
            assertThat(rejection.get("comparedWithVersion").asLong()).isEqualTo(1);
            assertThat(rejection.get("metrics").get("rmse").asDouble())
                    .isGreaterThan(rejection.get("activeMetrics").get("rmse").asDouble());
            assertThat(rejection.get("hyperparameters").get("lambda").asText()).isEqualTo("5000.0");
            assertThat(listed.get("lastTraining").get("outcome").asText()).isEqualTo("rejected");
            // a rejected first fit is a finished one: it does not keep the trainer unready
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> readiness(trainer.port()).status() == 200);
        }
        assertThat(live(manifests(model))).containsOnlyKeys(model + "/1");
        assertThat(active(model).getVersion()).isEqualTo(1);
        assertThat(chunks(model).keySet()).allMatch(k -> k.startsWith(model + "/1/"));

        // after a restart that does not train, the rejection is still listed
        Map<String, String> idle = new java.util.HashMap<>(bad);
        idle.put("reelfm.trainer.min-ratings", String.valueOf(inTopic * 1000));
        try (TrainerService restarted = TrainerService.start(config(model, idle))) {
            JsonNode listed = model(restarted.port(), model);
            assertThat(listed.get("rejected")).hasSize(1);
            assertThat(listed.get("rejected").get(0).get("comparedWithVersion").asLong()).isEqualTo(1);
        }
    }

    @Test
    void rollbackRepointsToThePreviousVersionAndRetentionTombstonesOldOnes() {
        String model = unique("roll-als");
        Map<String, String> settings = new java.util.HashMap<>(als(model, "5", "4", storedRatings()));
        settings.put("reelfm.trainer.gate.tolerance", "10");
        settings.put("reelfm.trainer.snapshot.retain", "2");
        try (TrainerService trainer = TrainerService.start(config(model, settings))) {
            int port = trainer.port();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> model(port, model).get("version").asLong() == 1);
            for (int v = 2; v <= 3; v++) {
                post(port, "/models/" + model + "/retrain", 202);
                long expected = v;
                Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> model(port, model).get("version").asLong() == expected);
            }
            assertThat(live(manifests(model))).containsOnlyKeys(model + "/2", model + "/3");
            assertThat(chunks(model).entrySet()).filteredOn(e -> e.getKey().startsWith(model + "/1/"))
                    .isNotEmpty().allMatch(e -> e.getValue() == null);

            JsonNode rolled = post(port, "/models/" + model + "/rollback", 200);
            assertThat(rolled.get("version").asLong()).isEqualTo(2);
            assertThat(rolled.get("previousVersion").asLong()).isEqualTo(3);
            assertThat(active(model).getVersion()).isEqualTo(2);
            assertThat(assembleActive(model).complete()).isTrue();
            JsonNode listed = model(port, model);
            assertThat(listed.get("version").asLong()).isEqualTo(2);
            assertThat(listed.get("versions")).hasSize(2);

            JsonNode none = post(port, "/models/" + model + "/rollback", 409);
            assertThat(none.get("error").asText()).contains("no retained version older than 2");
            post(port, "/models/no-such-model/rollback", 404);
        }
    }
}
