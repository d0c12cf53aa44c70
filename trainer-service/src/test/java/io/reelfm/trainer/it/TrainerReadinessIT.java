package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.kafka.EmbeddedKafkaBroker;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.snapshot.PublishFault;
import io.reelfm.trainer.testdata.GeneratedRatings;

/**
 * The trainer's {@code /health/ready} on a broker of each test's own (a backlog, or empty topics,
 * must not be other tests' data): over a backlog it answers 503 saying why until its first fit is
 * done, then 200; on empty topics it is ready without any data.
 */
class TrainerReadinessIT {

    private static Map<String, String> als(String model) {
        return Map.of("reelfm.trainer.model." + model + ".factors", "8",
                "reelfm.trainer.model." + model + ".lambda", "5",
                "reelfm.trainer.model." + model + ".iterations", "4");
    }

    @Test
    void overABacklogItAnswers503WithTheReasonUntilTheFirstFitIsDoneThen200() {
        String model = unique("ready-als");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(0, null, Map.of()).start()) {
            String bootstrap = broker.bootstrapServers();
            TopicCreator.ensure(bootstrap, Topics.pipelineTopics(), (short) 1, Duration.ofSeconds(30));
            produce(bootstrap, GeneratedRatings.generate(unique("ready"), 150, 100, 20, 93));

            // The first publication waits until the test has been told the trainer waits for that fit,
            // so the 503 is seen whatever the machine's speed, and a 200 before it is impossible.
            CountDownLatch toldWaiting = new CountDownLatch(1);
            PublishFault holdFirstPublication = (sent, total) -> holdUntil(toldWaiting);
            TrainerConfig config = config(bootstrap, model, als(model)).withPublishFault(holdFirstPublication);
            List<Readiness> answers = new CopyOnWriteArrayList<>();
            try (TrainerService trainer = TrainerService.start(config)) {
                int port = trainer.port();
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                        .until(() -> readiness(port), r -> {
                            if (answers.isEmpty() || !answers.get(answers.size() - 1).equals(r)) {
                                answers.add(r);
                            }
                            if (r.detail().startsWith("waiting for the first fit of " + model)) {
                                toldWaiting.countDown();
                            }
                            return r.status() == 200;
                        });
                JsonNode listed = model(port, model);
                assertThat(listed.get("version").asLong()).as("published when first ready").isEqualTo(1);
                assertThat(listed.get("lastTraining").get("outcome").asText()).isEqualTo("published version 1");
            } finally {
                toldWaiting.countDown();
            }
            System.out.println("trainer readiness over a backlog, in order: " + answers);
            assertThat(answers.get(0).status()).as("first answer of %s", answers).isEqualTo(503);
            assertThat(answers.subList(0, answers.size() - 1)).as("every answer before the first 200").allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.detail()).matches("catching up: .*|waiting for the first fit of " + model + " \\([0-9,]+ ratings read\\)");
            });
            assertThat(answers).as("answers").anySatisfy(r -> assertThat(r.detail()).startsWith("waiting for the first fit of " + model));
            assertThat(answers.get(answers.size() - 1)).isEqualTo(new Readiness(200, "ok"));
        }
    }

    @Test
    void onEmptyTopicsItIsReadyWithoutAnyData() {
        String model = unique("empty-als");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(0, null, Map.of()).start()) {
            long t0 = System.nanoTime();
            try (TrainerService trainer = TrainerService.start(config(broker.bootstrapServers(), model, als(model)))) {
                int port = trainer.port();
                Readiness ready = Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(20)).until(() -> readiness(port), r -> r.status() == 200);
                System.out.printf("trainer on empty topics ready %d ms after its start began%n", (System.nanoTime() - t0) / 1_000_000);
                assertThat(ready.detail()).isEqualTo("ok");
                JsonNode status = get(port, "/status");
                assertThat(status.get("lag").asLong()).isZero();
                assertThat(status.get("data").get("ratings").asLong()).isZero();
                JsonNode listed = model(port, model);
                assertThat(listed.path("lastTraining").isNull() || listed.path("lastTraining").isMissingNode())
                        .as("no fit: %s", listed).isTrue();
            }
        }
    }

    /** Holds the training thread in a publication until the latch opens (at most a minute); never abandons it. */
    private static boolean holdUntil(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
