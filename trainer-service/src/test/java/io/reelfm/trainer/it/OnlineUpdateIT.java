package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.testdata.GeneratedRatings;

class OnlineUpdateIT {

    @Test
    void sgdModelIsUpdatedOnlineFromNewRatingsBetweenFullFits() {
        String sgd = unique("online-sgd");
        String als = unique("side-mcmc");
        produce(GeneratedRatings.generate(unique("on"), 200, 150, 25, 61));
        Map<String, String> settings = Map.of(
                "reelfm.trainer.min-ratings", String.valueOf(storedRatings()),
                "reelfm.trainer.online.min-events", "1000",
                "reelfm.trainer.gate.tolerance", "1.0",
                "reelfm.trainer.model." + sgd + ".factors", "8",
                "reelfm.trainer.model." + als + ".factors", "8");
        try (TrainerService trainer = TrainerService.start(config(sgd + "," + als, settings))) {
            int port = trainer.port();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() ->
                    model(port, sgd).get("version").asLong() == 1 && model(port, als).get("version").asLong() == 1);
            assertThat(model(port, sgd).get("lastTraining").get("kind").asText()).isEqualTo("full");
            assertThat(model(port, als).get("learner").asText()).isEqualTo("mcmc");

            produce(GeneratedRatings.generate(unique("on2"), 60, 150, 25, 62));
            JsonNode updated = Awaitility.await().atMost(Duration.ofSeconds(90))
                    // the run is recorded just after its version is published, so wait for both
                    .until(() -> model(port, sgd), m -> m.get("version").asLong() == 2
                            && m.get("lastTraining").get("outcome").asText().endsWith("version 2"));
            assertThat(updated.get("lastTraining").get("kind").asText()).isEqualTo("online");
            // at least the 1000 new events that trigger it, less the 2 held-out ratings of each of the 60 new users
            assertThat(updated.get("lastTraining").get("ratings").asLong()).isBetween(1000L - 2 * 60, 1500L);
            assertThat(updated.get("versions").get(0).get("learner").asText()).isEqualTo("sgd");
            assertThat(model(port, als).get("version").asLong()).isEqualTo(1);
        }
        assertThat(assembleActive(sgd).complete()).isTrue();
        assertThat(active(sgd).getVersion()).isEqualTo(2);
    }
}
