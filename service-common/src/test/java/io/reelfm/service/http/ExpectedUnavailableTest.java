package io.reelfm.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** An expected 503 answers exactly as any other and stays out of the WARN log; a fault's does not. */
class ExpectedUnavailableTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ServiceApp.class);
    private ServiceApp app;

    @BeforeEach
    void start() {
        logged.start();
        logger.addAppender(logged);
        app = ServiceApp.create(ServiceAppConfig.of("test", 0), Readiness.Status::up,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), javalin -> {
                    javalin.get("/starting", ctx -> {
                        throw ApiException.expectedUnavailable("model m is not loaded yet", 1, null);
                    });
                    javalin.get("/down", ctx -> {
                        throw ApiException.unavailable("model m is not loaded yet", 1, null);
                    });
                }).start();
    }

    @AfterEach
    void stop() {
        app.close();
        logger.detachAppender(logged);
    }

    @Test
    void anExpectedStateAnswersLikeAnyUnavailableButIsNotWarnedAbout() throws Exception {
        HttpResponse<String> expected = get("/starting");
        assertThat(warnings()).isZero();
        HttpResponse<String> fault = get("/down");
        assertThat(warnings()).isEqualTo(1);

        assertThat(expected.statusCode()).isEqualTo(503).isEqualTo(fault.statusCode());
        assertThat(expected.body()).isEqualTo("{\"error\":\"model m is not loaded yet\"}").isEqualTo(fault.body());
        assertThat(expected.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void onlyTheExpectedFactoryMarksAnExceptionExpected() {
        assertThat(ApiException.expectedUnavailable("x", 1, null).expected()).isTrue();
        assertThat(ApiException.unavailable("x", 1, null).expected()).isFalse();
        assertThat(new ApiException(503, "x").expected()).isFalse();
    }

    private long warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
