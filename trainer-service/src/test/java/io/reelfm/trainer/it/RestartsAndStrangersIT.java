package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.DeadLetters;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.TopicReader;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.testdata.GeneratedRatings;

/** Restarts without new data, administration by strangers, and undecodable input, on a real broker. */
class RestartsAndStrangersIT {

    private static final String ADMIN_KEY = "trainer-admin-key-91c3";

    @BeforeAll
    static void data() {
        produce(GeneratedRatings.generate(unique("rs"), 150, 100, 20, 77));
    }

    private static Map<String, String> settings(String model) {
        Map<String, String> s = new HashMap<>();
        s.put("reelfm.trainer.min-ratings", String.valueOf(storedRatings()));
        s.put("reelfm.trainer.model." + model + ".factors", "8");
        s.put("reelfm.trainer.model." + model + ".lambda", "5");
        s.put("reelfm.trainer.model." + model + ".iterations", "4");
        s.put("reelfm.api-keys", "ops:" + ADMIN_KEY);
        return s;
    }

    @Test
    void restartWithoutNewDataPublishesNothingButAnExplicitRetrainDoes() {
        String model = unique("idle-als");
        Map<String, String> settings = settings(model);
        try (TrainerService first = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> active(model) != null);
        }
        assertThat(active(model).getVersion()).isEqualTo(1);

        try (TrainerService restarted = TrainerService.start(config(model, settings))) {
            JsonNode listed = Awaitility.await().atMost(Duration.ofSeconds(90))
                    .until(() -> model(restarted.port(), model), m -> m.get("lastTraining") != null && !m.get("lastTraining").isNull());
            assertThat(listed.get("lastTraining").get("outcome").asText()).startsWith("not published");
            assertThat(listed.get("version").asLong()).isEqualTo(1);

            post(restarted.port(), "/models/" + model + "/retrain", 202, Map.of("Authorization", "Bearer " + ADMIN_KEY));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> model(restarted.port(), model).get("version").asLong() == 2);
        }
        assertThat(live(manifests(model))).containsOnlyKeys(model + "/1", model + "/2");
    }

    @Test
    void aRestartFromItsCheckpointKeepsTheActiveVersionUntilARefitIsDue(@TempDir Path checkpoints) {
        String model = unique("resume-als");
        Map<String, String> settings = settings(model);
        settings.put("reelfm.trainer.checkpoint-dir", checkpoints.toString());
        settings.put("reelfm.trainer.checkpoint-interval", "1s");
        try (TrainerService first = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> active(model) != null);
        }
        assertThat(active(model).getVersion()).isEqualTo(1);
        produce(GeneratedRatings.generate(unique("rs-more"), 5, 100, 6, 78));

        try (TrainerService restarted = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get(restarted.port(), "/status").get("lag").asLong() == 0
                    && get(restarted.port(), "/status").get("recordsRead").asLong() >= 30);
            // the new ratings are far from refit-after-events and refit-after: the active version stays
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> active(model).getVersion() == 1);
            assertThat(model(restarted.port(), model).get("version").asLong()).isEqualTo(1);

            post(restarted.port(), "/models/" + model + "/retrain", 202, Map.of("Authorization", "Bearer " + ADMIN_KEY));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> model(restarted.port(), model).get("version").asLong() == 2);
        }
    }

    @Test
    void rollbackAndRetrainNeedAnAdminKey() {
        String model = unique("auth-als");
        try (TrainerService trainer = TrainerService.start(config(model, settings(model)))) {
            int port = trainer.port();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> model(port, model).get("version").asLong() == 1);

            JsonNode anonymous = post(port, "/models/" + model + "/rollback", 401, Map.of());
            assertThat(anonymous.get("error").asText()).contains("API key is required");
            post(port, "/models/" + model + "/retrain", 401, Map.of("X-API-Key", "not-the-key"));
            post(port, "/models/" + model + "/rollback", 409, Map.of("X-API-Key", ADMIN_KEY));
            assertThat(get(port, "/models")).isNotEmpty();
            assertThat(model(port, model).get("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void undecodableRecordIsDeadLetteredOnceAndNotReadAgainAfterARestart(@TempDir Path checkpoints) throws Exception {
        String model = unique("poison-als");
        String poisonKey = unique("poison-user");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.USERS.name(), poisonKey.getBytes(StandardCharsets.UTF_8),
                    "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
        Map<String, String> settings = settings(model);
        settings.put("reelfm.trainer.checkpoint-dir", checkpoints.toString());
        settings.put("reelfm.trainer.checkpoint-interval", "1s");
        settings.put("reelfm.trainer.min-ratings", "100000000");
        try (TrainerService trainer = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(trainer.port(), "/status").get("poisonRecords").asLong() >= 1);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(trainer.port(), "/status").get("lag").asLong() == 0);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap(), Topics.DEAD_LETTERS)).anySatisfy(r -> {
                    assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(poisonKey);
                    assertThat(new String(r.headers().lastHeader(DeadLetters.HEADER_SERVICE).value(), StandardCharsets.UTF_8))
                            .isEqualTo("trainer");
                    assertThat(new String(r.headers().lastHeader(DeadLetters.HEADER_TOPIC).value(), StandardCharsets.UTF_8))
                            .isEqualTo(Topics.USERS.name());
                }));

        try (TrainerService restarted = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(restarted.port(), "/status").get("lag").asLong() == 0);
            assertThat(get(restarted.port(), "/status").get("poisonRecords").asLong()).isZero();
        }
        assertThat(TopicReader.readAll(bootstrap(), Topics.DEAD_LETTERS))
                .filteredOn(r -> poisonKey.equals(new String(r.key(), StandardCharsets.UTF_8))).hasSize(1);
    }

    @Test
    void aDecodableRatingNoModelCanUseIsDeadLetteredNotTrainedOn() throws Exception {
        String model = unique("unusable-als");
        String user = unique("nan-user");
        RatingEvent nan = RatingEvent.newBuilder().setEventId(unique("nan-event")).setUserId(user).setItemId("1")
                .setRating(Float.NaN).setTimestamp(java.time.Instant.now()).setSource("test").build();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RATINGS.name(), user.getBytes(StandardCharsets.UTF_8),
                    Topics.RATINGS.valueSerde().serializer().serialize(Topics.RATINGS.name(), nan))).get();
        }
        Map<String, String> settings = settings(model);
        settings.put("reelfm.trainer.min-ratings", "100000000");
        try (TrainerService trainer = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(TopicReader.readAll(bootstrap(), Topics.DEAD_LETTERS)).anySatisfy(r -> {
                        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(user);
                        assertThat(new String(r.headers().lastHeader(DeadLetters.HEADER_TOPIC).value(), StandardCharsets.UTF_8))
                                .isEqualTo(Topics.RATINGS.name());
                    }));
            assertThat(get(trainer.port(), "/status").get("poisonRecords").asLong()).isPositive();
        }
    }
}
