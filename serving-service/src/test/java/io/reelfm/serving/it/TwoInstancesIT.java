package io.reelfm.serving.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.serving.model.TestModels;
import io.reelfm.testkit.SharedKafka;

/**
 * Two serving instances of one application on one broker: user partitions are split between
 * them, any instance answers any user (forwarding to the owner) and names the owner in
 * {@code X-ReelFM-Served-By}, and when one instance stops
 * the other takes over every user.
 */
class TwoInstancesIT {

    private static final String MODEL = "iq-fm";
    private static final int USERS = 30;
    private static final int ITEMS = 40;
    private static final Instant T0 = Instant.parse("2024-06-01T08:00:00Z");

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    private ServingService a;
    private ServingService b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ServingService instance(Path stateDir) {
        return ServingService.start(ServingConfig.from(Settings.ofMap(Map.of(
                "reelfm.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "reelfm.serving.port", "0",
                "reelfm.serving.application-id", "serving-two-instances-it",
                "reelfm.serving.state-dir", stateDir.toString(),
                "reelfm.serving.standby-replicas", "1",
                "reelfm.serving.variants", "main:" + MODEL + ":1"))));
    }

    @Test
    void everyUserIsAnsweredIdenticallyByBothInstancesAndBySurvivorAfterOneStops() {
        try (KafkaFixtures kafka = new KafkaFixtures(SharedKafka.bootstrapServers())) {
            for (int i = 0; i < ITEMS; i++) {
                kafka.movie("iq-" + i, "IQ Movie " + i, 2000 + i % 10, "Drama");
            }
            kafka.publishModel(MODEL, 1, TestModels.randomPayload(ITEMS, 6, "iq-", 21));
            Random rnd = new Random(5);
            for (int u = 0; u < USERS; u++) {
                for (int j = 0; j < 5; j++) {
                    kafka.rating("iq-u" + u, "iq-" + rnd.nextInt(ITEMS), 1 + rnd.nextInt(5), T0.plusSeconds(u * 10L + j));
                }
            }
        }
        a = instance(stateA);
        b = instance(stateB);
        await().atMost(Duration.ofSeconds(120)).until(() -> ready(a) && ready(b));

        Map<String, String> answers = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int u = 0; u < USERS; u++) {
                String user = "iq-u" + u;
                String fromA = items(a, user);
                String fromB = items(b, user);
                assertThat(fromA).as("user %s", user).isEqualTo(fromB).contains("iq-");
                answers.put(user, fromA);
            }
        });

        assertThat(forwarded(a)).as("requests A forwarded to B").isPositive();
        assertThat(forwarded(b)).as("requests B forwarded to A").isPositive();

        // Both instances name the same owner for each user, and each owns some users.
        Map<String, Integer> usersByOwner = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            String path = "/users/iq-u" + u + "/recommendations?k=5";
            String ownerSaysA = Http.get(a.port(), path).header("X-ReelFM-Served-By");
            String ownerSaysB = Http.get(b.port(), path).header("X-ReelFM-Served-By");
            assertThat(ownerSaysA).as("user iq-u%d", u).isEqualTo(ownerSaysB);
            usersByOwner.merge(ownerSaysA, 1, Integer::sum);
        }
        assertThat(usersByOwner).containsOnlyKeys("localhost:" + a.port(), "localhost:" + b.port());

        b.close();
        b = null;

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (int u = 0; u < USERS; u++) {
                String user = "iq-u" + u;
                assertThat(items(a, user)).as("user %s after failover", user).isEqualTo(answers.get(user));
            }
        });
    }

    private static double forwarded(ServingService s) {
        return Http.get(s.port(), "/metrics").body().lines()
                .filter(l -> l.startsWith("reelfm_serving_forwarded_requests_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static boolean ready(ServingService s) {
        return Http.get(s.port(), "/health/ready").status() == 200;
    }

    /** The answer's items and scores, without the per-request id; fails on anything but 200 with a fold-in answer. */
    private static String items(ServingService s, String user) {
        Http.Response r = Http.get(s.port(), "/users/" + user + "/recommendations?k=5");
        assertThat(r.status()).as("status for %s: %s", user, r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("strategy").asText()).isEqualTo("fold-in");
        return json.get("items").toString() + "@" + json.get("modelVersion").asText();
    }
}
