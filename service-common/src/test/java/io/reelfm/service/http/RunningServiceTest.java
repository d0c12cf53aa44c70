package io.reelfm.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class RunningServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** Records whether its HTTP port still answered when the parts behind it were stopped. */
    private final class Probe extends RunningService {
        final List<String> stops = new ArrayList<>();
        final int boundPort;

        Probe() {
            super(ServiceApp.create(ServiceAppConfig.of("probe", 0), Readiness.Status::up,
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), javalin -> { }).start());
            boundPort = port();
        }

        @Override
        protected void stopBehindHttp() {
            stops.add(answers(boundPort) ? "http still up" : "http down");
        }
    }

    @Test
    void portIsTheBoundPortOfTheApp() throws Exception {
        try (Probe probe = new Probe()) {
            assertThat(probe.port()).isPositive();
            assertThat(get(probe.port()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeStopsHttpBeforeWhatIsBehindItAndOnlyOnce() {
        Probe probe = new Probe();

        probe.close();
        probe.close();

        assertThat(probe.stops).containsExactly("http down");
        assertThatThrownBy(() -> get(probe.boundPort)).isInstanceOf(IOException.class);
    }

    private boolean answers(int port) {
        try {
            get(port);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> get(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
