package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.support.HttpTestClient;

/**
 * With Kafka unreachable the service still starts, reports itself live but not ready, and
 * answers writes with 503 and Retry-After once its bounded producer timeouts expire, rather
 * than hanging or dropping the data silently.
 */
class KafkaUnavailableIT {

    private static IngestService service;
    private static HttpTestClient client;

    @BeforeAll
    static void startAgainstAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        service = IngestService.start(IngestConfig.builder().port(0).bootstrapServers("localhost:" + closedPort)
                .maxBlock(Duration.ofMillis(800)).requestTimeout(Duration.ofMillis(800)).deliveryTimeout(Duration.ofSeconds(2))
                .adminTimeout(Duration.ofMillis(800)).retryAfter(Duration.ofSeconds(7)).build());
        client = new HttpTestClient(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void singleRatingIsAnswered503WithRetryAfter() {
        HttpTestClient.Reply reply = client.postJson("/ratings", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("7");
        assertThat(reply.json().get("error").asText()).contains("Kafka is unavailable", "nothing was written");
    }

    @Test
    void batchIsAnswered503WithRetryAfter() {
        HttpTestClient.Reply reply = client.post("/ratings/batch", "application/x-ndjson",
                "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}\n{\"userId\":\"u2\",\"itemId\":\"m1\",\"rating\":3}\n");

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void invalidRequestIsStill400BecauseValidationComesBeforeKafka() {
        HttpTestClient.Reply reply = client.postJson("/ratings", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":7}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void serviceIsLiveButNotReady() {
        assertThat(client.get("/health/live").status()).isEqualTo(200);
        HttpTestClient.Reply ready = client.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(ready.json().get("detail").asText()).contains("unreachable");
    }

    @Test
    void unavailableWritesAreCountedInMetrics() {
        client.postJson("/ratings", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}");

        assertThat(client.get("/metrics").body())
                .contains("reelfm_ingest_requests_total{endpoint=\"ratings\",outcome=\"unavailable\"}");
    }
}
