package io.reelfm.serving.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.reelfm.serving.ServingService;
import io.reelfm.serving.model.TestModels;
import io.reelfm.testkit.SharedKafka;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every query parameter of every serving endpoint, fed strangers' values (empty, huge, negative,
 * non-numeric, unicode, control characters, repeated, very long): never a 5xx, and every error
 * in the JSON error format naming what was wrong.
 */
class QueryParameterPropertiesIT {

    private static final String MODEL = "prop-fm";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ServingService serving;
    private static KafkaFixtures kafka;
    private static Path stateDir;

    @BeforeContainer
    static void start() throws Exception {
        stateDir = Files.createTempDirectory("serving-props");
        String bootstrap = SharedKafka.bootstrapServers();
        kafka = new KafkaFixtures(bootstrap);
        for (int i = 0; i < 30; i++) {
            kafka.movie("prop-" + i, "Prop Movie " + i, 1990 + i, i % 2 == 0 ? "Drama" : "Comedy");
        }
        kafka.publishModel(MODEL, 1, TestModels.randomPayload(30, 8, "prop-", 5));
        Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
        for (int i = 0; i < 6; i++) {
            kafka.rating("prop-u1", "prop-" + i, 4f, t0.plusSeconds(i));
        }
        serving = OneInstance.start(bootstrap, "serving-props-it", stateDir, MODEL,
                Map.of("reelfm.serving.cluster-model", "none", "reelfm.serving.rating-model", "none"));
        await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(serving.port(), "/health/ready").status() == 200);
    }

    @AfterContainer
    static void stop() {
        if (serving != null) {
            serving.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    record Query(String path, List<Map.Entry<String, String>> params) {
        String uri() {
            StringBuilder b = new StringBuilder(path);
            for (int i = 0; i < params.size(); i++) {
                b.append(i == 0 ? '?' : '&').append(URLEncoder.encode(params.get(i).getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(params.get(i).getValue(), StandardCharsets.UTF_8));
            }
            return b.toString();
        }
    }

    @Property(tries = 400)
    void noQueryGetsA5xxAndErrorsAreJson(@ForAll("queries") Query q) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + serving.port() + q.uri()))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(q.uri() + " -> " + r.body()).isLessThan(500);
        if (r.statusCode() >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(q.uri()).startsWith("application/json");
            assertThat(r.body()).as(q.uri()).startsWith("{\"error\":");
            assertThat(r.body().length()).as("echo is bounded for " + q.uri()).isLessThan(1000);
        }
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of("prop-u1", "prop-3", "nobody", "main"), value());
        Arbitrary<String> path = Combinators.combine(Arbitraries.of(
                "/users/%s/recommendations", "/users/%s/predict", "/users/%s/history", "/movies/%s", "/movies/%s/similar",
                "/movies/search", "/popular", "/trending", "/clusters", "/experiments/%s", "/experiments", "/models"), id)
                .as((p, i) -> p.contains("%s") ? String.format(p, URLEncoder.encode(i, StandardCharsets.UTF_8).replace("+", "%20")) : p)
                .filter(p -> !p.contains("//") && !p.endsWith("/"));
        Arbitrary<String> name = Arbitraries.of("k", "genre", "yearFrom", "yearTo", "excludeSeen", "age", "gender", "occupation",
                "itemId", "limit", "method", "q", "window", "unknown");
        Arbitrary<Map.Entry<String, String>> param = Combinators.combine(name, value()).as(Map::entry);
        return Combinators.combine(path, param.list().ofMaxSize(5)).as(Query::new);
    }

    private static Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "0", "-1", "1", "5", "10", "100", "101", "2147483648", "-2147483649", "1e3", "3.5",
                        "true", "false", "TRUE", "yes", "Drama", "drama", "1995", "1800", "3001", "M", "F", "x",
                        "knn", "cluster", "svd", "1h", "24h", "7d", "0h", "-5h", "prop-3", "NaN", "null", "%", "../..",
                        "<script>", "' OR 1=1", "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83c\udfac"),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().alpha().ofLength(3000),
                Arbitraries.integers().map(String::valueOf));
    }
}
