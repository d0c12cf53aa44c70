package io.reelfm.serving.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.testkit.SharedKafka;

/** Until its model is published, an instance is not ready and refuses personalised answers with 503, never a wrong one. */
class ModelNotLoadedIT {

    @TempDir
    Path stateDir;

    @Test
    void notReadyAndUsersWithRatingsGet503WithRetryAfterUntilTheModelArrives() {
        try (KafkaFixtures kafka = new KafkaFixtures(SharedKafka.bootstrapServers());
             ServingService serving = ServingService.start(ServingConfig.from(Settings.ofMap(Map.of(
                     "reelfm.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                     "reelfm.serving.port", "0",
                     "reelfm.serving.application-id", "serving-no-model-it",
                     "reelfm.serving.state-dir", stateDir.toString(),
                     "reelfm.serving.standby-replicas", "0",
                     "reelfm.serving.variants", "main:nm-fm:1"))))) {
            int port = serving.port();
            kafka.movie("nm-1", "No Model Movie", 2001, "Drama");
            kafka.rating("nm-u1", "nm-1", 4f, Instant.parse("2024-01-01T00:00:00Z"));
            await().atMost(Duration.ofSeconds(60)).until(() -> serving.streamsState() == KafkaStreams.State.RUNNING
                    && Http.get(port, "/users/nm-u1/history").status() == 200);

            Http.Response ready = Http.get(port, "/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("nm-fm");
            Http.Response recs = Http.get(port, "/users/nm-u1/recommendations");
            assertThat(recs.status()).isEqualTo(503);
            assertThat(recs.retryAfter()).isEqualTo("1");
            assertThat(recs.body()).contains("nm-fm");

            kafka.publishModel("nm-fm", 1, io.reelfm.serving.model.TestModels.randomPayload(5, 4, "nm-", 9));
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/health/ready").status() == 200);
            assertThat(Http.get(port, "/users/nm-u1/recommendations").json().get("strategy").asText()).isEqualTo("fold-in");
        }
    }
}
