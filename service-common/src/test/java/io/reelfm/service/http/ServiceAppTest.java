package io.reelfm.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reelfm.service.validation.Problem;

/** The shared HTTP shell on a real port: error shape, health, metrics and stop. */
class ServiceAppTest {

    private final AtomicBoolean ready = new AtomicBoolean(false);
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceApp app;

    @BeforeEach
    void start() {
        app = ServiceApp.create(ServiceAppConfig.of("test", 0), () -> ready.get() ? Readiness.Status.up()
                        : Readiness.Status.down("model not loaded"), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                javalin -> {
                    javalin.get("/bad", ctx -> {
                        throw ApiException.badRequest("invalid things", List.of(new Problem(3, "rating", "too high")));
                    });
                    javalin.get("/busy", ctx -> {
                        throw ApiException.unavailable("try later", 9, new IllegalStateException("down"));
                    });
                    javalin.get("/boom", ctx -> {
                        throw new IllegalStateException("secret detail");
                    });
                    javalin.get("/ok", ctx -> ctx.json(Map.of("fine", true)));
                }).start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void apiExceptionBecomesStatusAndJsonProblems() throws Exception {
        HttpResponse<String> r = get("/bad");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid things");
        assertThat(body.get("problems").get(0).toString()).isEqualTo("{\"row\":3,\"field\":\"rating\",\"message\":\"too high\"}");
    }

    @Test
    void unavailableCarriesRetryAfter() throws Exception {
        HttpResponse<String> r = get("/busy");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("9");
        assertThat(Json.mapper().readTree(r.body()).has("problems")).isFalse();
    }

    @Test
    void unexpectedExceptionIsA500WithoutInternals() throws Exception {
        HttpResponse<String> r = get("/boom");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    @Test
    void unknownRouteIsA404InTheSameShape() throws Exception {
        HttpResponse<String> r = get("/nowhere");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(r.body()).get("error").asText()).isNotBlank();
    }

    @Test
    void readinessFollowsTheSupplierWhileLivenessStaysUp() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("{\"status\":\"DOWN\",\"detail\":\"model not loaded\"}");

        ready.set(true);

        assertThat(get("/health/ready").body()).isEqualTo("{\"status\":\"UP\",\"detail\":\"ok\"}");
    }

    @Test
    void metricsExposePrometheusTextWithRouteTimers() throws Exception {
        get("/ok");

        HttpResponse<String> r = get("/metrics");

        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/ok\",service=\"test\",status=\"200\"} 1");
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void closeIsIdempotentAndFreesThePort() {
        int port = app.port();
        app.close();
        app.close();

        assertThat(canConnect(port)).isFalse();
    }

    private boolean canConnect(int port) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongMethodIs405WithAllowInJson() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/ok"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET");
        assertThat(Json.mapper().readTree(r.body()).get("error").asText()).contains("DELETE is not allowed");
    }

    @Test
    void unknownPathIs404InJson() throws Exception {
        HttpResponse<String> r = get("/nowhere");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(r.body()).has("error")).isTrue();
    }

    @Test
    void overLongUriIsAnsweredInJsonNotHtml() throws Exception {
        HttpResponse<String> r = get("/ok?q=" + "x".repeat(20_000));

        assertThat(r.statusCode()).isIn(414, 431, 400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Json.mapper().readTree(r.body()).has("error")).isTrue();
    }

    @Test
    void liveUnlessTheLivenessCheckFails() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        ServiceApp other = ServiceApp.create(ServiceAppConfig.of("live", 0),
                () -> broken.get() ? Readiness.Status.down("streams failed") : Readiness.Status.up(),
                Readiness.Status::up, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), javalin -> { }).start();
        try {
            HttpClient c = HttpClient.newHttpClient();
            URI live = URI.create("http://localhost:" + other.port() + "/health/live");
            assertThat(c.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            broken.set(true);
            HttpResponse<String> down = c.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("streams failed");
        } finally {
            other.close();
        }
    }

    @Test
    void aTakenPortIsReportedAsSuch() {
        ServiceApp second = ServiceApp.create(ServiceAppConfig.of("second", app.port()), Readiness.Status::up,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), javalin -> { });
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
                    .hasMessageContaining("port " + app.port()).hasMessageContaining("already in use");
        } finally {
            second.close();
        }
    }
}
