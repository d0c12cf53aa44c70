package io.reelfm.serving.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.Topics;
import io.reelfm.serving.ServingService;
import io.reelfm.serving.model.TestModels;
import io.reelfm.serving.topology.StoreNames;
import io.reelfm.kafka.EmbeddedKafkaBroker;

/**
 * A fresh instance over a backlog of ratings says ready only once it has processed them (within
 * {@code ready-max-lag}), so the first answers a load balancer sends to it are complete.
 */
class ReadyMeansCaughtUpIT {

    private static final int USERS = 40;
    private static final int PER_USER = 150;

    @TempDir
    Path stateDir;

    @Test
    void theFirstReadyInstanceHasEveryUsersWholeHistory() throws Exception {
        // Its own broker: the backlog must not become other tests' data.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(0, null, Map.of()).start();
             KafkaFixtures kafka = new KafkaFixtures(broker.bootstrapServers())) {
            String bootstrap = broker.bootstrapServers();
            for (int i = 0; i < PER_USER; i++) {
                kafka.movie("rd-" + i, "Ready Movie " + i, 2000, "Drama");
            }
            kafka.publishModel("rd-fm", 1, TestModels.randomPayload(PER_USER, 8, "rd-", 3));
            Instant t0 = Instant.parse("2024-06-01T00:00:00Z");
            for (int u = 0; u < USERS; u++) {
                for (int i = 0; i < PER_USER; i++) {
                    kafka.rating("rd-u" + u, "rd-" + i, 1 + (u + i) % 5, t0.plusSeconds(u * 1000L + i));
                }
            }
            try (ServingService serving = OneInstance.start(bootstrap, "serving-ready-it", stateDir, "rd-fm",
                    Map.of("reelfm.serving.cluster-model", "none", "reelfm.serving.rating-model", "none",
                            "reelfm.serving.ready-max-lag", "0"))) {
                int port = serving.port();
                java.util.concurrent.atomic.AtomicBoolean sawBehind = new java.util.concurrent.atomic.AtomicBoolean();
                // poll often: the first UP answer is the moment the histories are checked against
                Http.Response ready = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                        .until(() -> Http.get(port, "/health/ready"), r -> {
                            if (r.body().contains("not processed yet")) {
                                sawBehind.set(true);
                            }
                            return r.status() == 200;
                        });
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);

                for (int u = 0; u < USERS; u++) {
                    assertThat(Http.get(port, "/users/rd-u" + u + "/history").json().get("count").asInt())
                            .as("history of rd-u" + u + " when ready first said UP").isEqualTo(PER_USER);
                }
                System.out.println("ready after the backlog; 'not processed yet' seen while catching up: " + sawBehind.get());
                assertThat(topicConfig(bootstrap, "serving-ready-it-" + StoreNames.USER_RATINGS + "-changelog"))
                        .as("the history changelog compacts in small segments")
                        .containsAllEntriesOf(Topics.AGGREGATE_LOG)
                        .containsEntry("cleanup.policy", "compact");
            }
        }
    }

    private static Map<String, String> topicConfig(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return config.entries().stream().collect(Collectors.toMap(ConfigEntry::name, e -> String.valueOf(e.value())));
        }
    }
}
