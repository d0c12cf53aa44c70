package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.support.HttpTestClient;
import io.reelfm.service.auth.ApiKeys;
import io.reelfm.testkit.SharedKafka;

/** Writes with API keys configured, against a real broker: who may write, in what shape refusals come, and the rate limit. */
class ApiKeyIT {

    private static final String KEY = "producer-key-0123456789";
    private static final String RATING = "{\"userId\":\"auth-u1\",\"itemId\":\"m1\",\"rating\":4}";

    private static IngestService service;
    private static HttpTestClient client;

    @BeforeAll
    static void start() {
        service = IngestService.start(IngestConfig.builder().port(0).bootstrapServers(SharedKafka.bootstrapServers())
                .apiKeys(ApiKeys.of("producer:" + KEY + ",limited:limited-key-0123456789")).rateLimit(5).build());
        client = new HttpTestClient(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void writeWithoutAKeyIs401InJsonWithAChallenge() {
        HttpTestClient.Reply r = client.postJson("/ratings", RATING);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.json().get("error").asText()).contains("API key is required");
    }

    @Test
    void unknownKeyIs401AndIsNotEchoed() {
        HttpTestClient.Reply r = client.post("/ratings", "application/json", RATING, Map.of("X-API-Key", "guess-123"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("guess-123");
    }

    @Test
    void bearerOrHeaderKeyIsAccepted() {
        assertThat(client.post("/ratings", "application/json", RATING, Map.of("Authorization", "Bearer " + KEY)).status())
                .isEqualTo(202);
        assertThat(client.post("/ratings", "application/json", RATING, Map.of("X-API-Key", KEY)).status())
                .isEqualTo(202);
    }

    @Test
    void rowsBeyondTheKeysRateAre429WithRetryAfterAndCountedByOutcome() {
        Map<String, String> key = Map.of("X-API-Key", "limited-key-0123456789");
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            batch.append("{\"userId\":\"auth-u2\",\"itemId\":\"m").append(i).append("\",\"rating\":3}\n");
        }
        assertThat(client.post("/ratings/batch", "application/x-ndjson", batch.toString(), key).status()).isEqualTo(202);

        HttpTestClient.Reply limited = client.post("/ratings/batch", "application/x-ndjson", batch.toString(), key);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().get("error").asText()).contains("nothing was written");
        client.postJson("/ratings", RATING);
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("endpoint=\"ratings_batch\",outcome=\"rate_limited\"");
        assertThat(metrics).contains("outcome=\"unauthenticated\"");
    }

    @Test
    void readsAndHealthNeedNoKey() {
        assertThat(client.get("/health/live").status()).isEqualTo(200);
        assertThat(client.get("/health/ready").status()).isEqualTo(200);
    }
}
