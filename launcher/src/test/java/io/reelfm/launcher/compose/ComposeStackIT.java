package io.reelfm.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelfm.datasets.download.MovieLens100kLocation;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.TopicReader;

/**
 * The repository's docker-compose stack run for real: built, loaded, queried on both serving
 * instances, one instance killed, the broker restarted under writes, and the whole stack taken
 * down and up again with its volumes. Needs a Docker engine; where no image registry is
 * reachable it uses the local stand-in images of {@code deploy/standins/build.sh} (building them
 * when it can). {@code REELFM_COMPOSE_IMAGES=official} uses the official images instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final String PROJECT = "reelfm-compose-it";
    private static final String KEY = "reelfm-compose-key-change-me";
    private static final List<String> SERVICES = List.of("kafka", "ingest", "trainer", "serving-1", "serving-2");
    private static final List<String> STANDINS = List.of("local/debian:bookworm", "local/jdk:17", "local/jre:17", "local/kafka:4.3.1",
            "local/prometheus");
    private static final int[] PORTS = {8080, 8081, 8082, 8090, 9092, 9090};
    private static final int USERS = 943;
    private static final String SERVING_1 = "http://localhost:8080";
    private static final String SERVING_2 = "http://localhost:8090";
    private static final String INGEST = "http://localhost:8081";

    private static Compose compose;

    @BeforeAll
    static void upTheStack() {
        Optional<String> unavailable = Compose.unavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "skipping the compose stack test: " + unavailable.orElse(""));
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>();
        if (!"official".equals(System.getenv("REELFM_COMPOSE_IMAGES"))) {
            Assumptions.assumeTrue(standIns(root), "skipping the compose stack test: the local stand-in images are missing and "
                    + "cannot be built here (needs root and debootstrap; see deploy/standins/build.sh), and "
                    + "REELFM_COMPOSE_IMAGES=official was not set");
            env.put("KAFKA_IMAGE", "local/kafka:4.3.1");
            env.put("REELFM_JDK_IMAGE", "local/jdk:17");
            env.put("REELFM_JRE_IMAGE", "local/jre:17");
            env.put("PROMETHEUS_IMAGE", "local/prometheus");
        }
        MovieLens100kLocation.find().ifPresent(dir -> env.put("REELFM_LOADER_DATA", dir.toString()));
        compose = Compose.of(root, PROJECT, env);
        compose.compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        for (int port : PORTS) {
            assertThat(free(port)).as("host port %d must be free for the compose stack (stop whatever listens on it)", port).isTrue();
        }
        long start = System.nanoTime();
        compose.ok(Duration.ofMinutes(15), "up", "-d", "--build");
        awaitHealthy(Duration.ofMinutes(8));
        System.out.printf("compose: built and healthy in %.0f s%n", (System.nanoTime() - start) / 1e9);
        await().atMost(Duration.ofMinutes(2)).until(() -> compose.inspect("loader", "{{.State.Status}}").equals("exited"));
        assertThat(compose.inspect("loader", "{{.State.ExitCode}}")).as(compose.ok(Duration.ofSeconds(30), "logs", "--no-color", "loader"))
                .isEqualTo("0");
    }

    @AfterAll
    static void downTheStack() {
        if (compose != null) {
            Compose.Result logs = compose.compose(Duration.ofMinutes(1), "logs", "--no-color", "--tail", "200");
            try {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "compose-stack.log"), logs.output());
            } catch (IOException e) {
                System.err.println("compose: cannot save the logs: " + e);
            }
            compose.compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        }
    }

    @Test
    @Order(1)
    void theLoaderFilledTheStackAndBothInstancesAnswerEveryUserAlike() throws Exception {
        String loaded = compose.ok(Duration.ofSeconds(30), "logs", "--no-color", "loader");
        assertThat(loaded).contains("Replayed").containsPattern("[0-9,]+ ratings");
        int differing = 0;
        for (int u = 1; u <= USERS; u++) {
            JsonNode one = recommendations(SERVING_1, u);
            JsonNode two = recommendations(SERVING_2, u);
            assertThat(one.path("strategy").asText()).as("user %d on serving-1", u).isEqualTo("fold-in");
            assertThat(one.path("items")).as("user %d", u).hasSize(5);
            if (!itemIds(one).equals(itemIds(two))) {
                differing++;
            }
        }
        assertThat(differing).as("users whose list differs between the instances (each user is answered by its owner)").isZero();
        assertThat(forwarded(SERVING_1)).as("serving-1 forwarded the other instance's users").isPositive();
        assertThat(forwarded(SERVING_2)).as("serving-2 forwarded the other instance's users").isPositive();
    }

    @Test
    @Order(2)
    void afterOneInstanceIsKilledTheOtherAnswersEveryUserWithinTenSeconds() throws Exception {
        Compose.docker(Duration.ofSeconds(30), "kill", compose.container("serving-2"));
        try {
            answeredByTheOtherWithinTenSeconds(System.nanoTime());
        } finally {
            // rejoin even when the take-over was too slow, so the later tests start from a whole stack
            compose.ok(Duration.ofMinutes(2), "start", "serving-2");
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> healthy("serving-2"));
        }
        for (int u = 1; u <= 50; u++) {
            assertThat(recommendations(SERVING_2, u).path("items")).as("user %d on the rejoined serving-2", u).hasSize(5);
        }
    }

    private static void answeredByTheOtherWithinTenSeconds(long killed) throws IOException {
        Map<Integer, Long> answeredAfter = new TreeMap<>();
        int failures = 0;
        List<String> passes = new ArrayList<>();
        Map<String, Integer> failedBy = new TreeMap<>();
        long slowestRequest = 0;
        while (answeredAfter.size() < USERS && System.nanoTime() - killed < Duration.ofSeconds(60).toNanos()) {
            for (int u = 1; u <= USERS; u++) {
                if (answeredAfter.containsKey(u)) {
                    continue;
                }
                long sent = System.nanoTime();
                HttpResponse<String> r = get(SERVING_1 + "/users/" + u + "/recommendations?k=5");
                slowestRequest = Math.max(slowestRequest, System.nanoTime() - sent);
                if (r != null && r.statusCode() == 200 && JSON.readTree(r.body()).path("items").size() == 5) {
                    answeredAfter.put(u, System.nanoTime() - killed);
                } else {
                    failures++;
                    failedBy.merge(r == null ? "no answer" : r.statusCode() + " " + r.body().substring(0, Math.min(80, r.body().length())),
                            1, Integer::sum);
                }
            }
            passes.add(String.format("%.2f s (%d answered)", (System.nanoTime() - killed) / 1e9, answeredAfter.size()));
        }
        System.out.printf("compose: query passes after the kill ended at %s; slowest request %.2f s; failures %s%n", passes,
                slowestRequest / 1e9, failedBy);
        assertThat(answeredAfter).as("users answered by serving-1 after serving-2 was killed").hasSize(USERS);
        double slowest = answeredAfter.values().stream().mapToLong(Long::longValue).max().orElseThrow() / 1e9;
        System.out.printf("compose: after kill -9 of serving-2, every user answered by serving-1 within %.2f s (%d failed tries)%n",
                slowest, failures);
        assertThat(slowest).as("seconds until the last user was answered").isLessThanOrEqualTo(10.0);
    }

    @Test
    @Order(3)
    void aBrokerRestartUnderWritesLosesAndRepeatsNoAcceptedRating() throws Exception {
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong lastAccepted = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            int n = 0;
            while (writing.get()) {
                String id = "compose-it-" + n;
                int user = 1 + n % USERS;
                int item = 1 + (n * 7919) % 1682;
                HttpResponse<String> r = post(INGEST + "/ratings", "{\"eventId\":\"" + id + "\",\"userId\":\"" + user
                        + "\",\"itemId\":\"" + item + "\",\"rating\":" + (1 + n % 5) + "}");
                int status = r == null ? -1 : r.statusCode();
                statuses.merge(status, 1, Integer::sum);
                if (status == 202) {
                    accepted.merge(id, 1, Integer::sum);
                    lastAccepted.set(System.nanoTime());
                }
                n++;
            }
        }, "compose-it-writer");
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 50);
        long restart = System.nanoTime();
        compose.ok(Duration.ofMinutes(3), "restart", "kafka");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> healthy("kafka"));
        await().atMost(Duration.ofMinutes(2)).until(() -> lastAccepted.get() > restart && accepted.size() > 0);
        int beforeLast = accepted.size();
        await().atMost(Duration.ofMinutes(1)).until(() -> accepted.size() >= beforeLast + 50);
        writing.set(false);
        writer.join(30_000);
        System.out.printf("compose: broker restarted under writes: %s by status (-1: no answer)%n", new TreeMap<>(statuses));

        assertThat(statuses.keySet()).as("answers during the broker restart").isSubsetOf(Set.of(202, 503, -1));
        Map<String, Long> inTopic = TopicReader.readAll("localhost:9092", Topics.RATINGS).stream()
                .map(ConsumerRecord::value).map(RatingEvent::getEventId).filter(id -> id.startsWith("compose-it-"))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(inTopic.keySet()).as("every accepted rating is in the ratings topic").containsAll(accepted.keySet());
        assertThat(inTopic.values()).as("and none twice").allMatch(c -> c == 1);
        for (String service : List.of("ingest", "trainer", "serving-1", "serving-2")) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> healthy(service));
            assertThat(compose.inspect(service, "{{.RestartCount}}")).as(service + " recovered without a restart").isEqualTo("0");
        }
        dashboardQueriesOnlyMetricsTheServicesExport();
        prometheusScrapesEveryServiceAndAnswersEveryPanel();
    }

    /**
     * The monitoring profile's Prometheus (started alone: Grafana's image is not among the
     * stand-ins) scrapes all four services, and every query of the dashboard returns series.
     */
    private static void prometheusScrapesEveryServiceAndAnswersEveryPanel() throws IOException {
        compose.ok(Duration.ofMinutes(2), "--profile", "monitoring", "up", "-d", "prometheus");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            HttpResponse<String> r = get("http://localhost:9090/api/v1/targets");
            assertThat(r).isNotNull();
            List<String> up = new ArrayList<>();
            JSON.readTree(r.body()).path("data").path("activeTargets")
                    .forEach(t -> up.add(t.path("labels").path("job").asText() + "=" + t.path("health").asText()));
            assertThat(up).containsExactlyInAnyOrder("ingest=up", "trainer=up", "serving=up", "serving=up");
        });
        JsonNode dashboard = JSON.readTree(Path.of("..", "deploy", "monitoring", "grafana", "dashboards", "reelfm.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        assertThat(queries).hasSizeGreaterThan(8);
        // rates need two scrapes inside their window
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            for (String q : queries) {
                HttpResponse<String> r = get("http://localhost:9090/api/v1/query?query="
                        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(r).isNotNull();
                JsonNode answer = JSON.readTree(r.body());
                assertThat(answer.path("status").asText()).as(q + ": " + r.body()).isEqualTo("success");
                assertThat(answer.path("data").path("result")).as("series for " + q).isNotEmpty();
            }
        });
    }

    /** Every metric the provisioned Grafana dashboard queries is exported by some service of the running stack. */
    private static void dashboardQueriesOnlyMetricsTheServicesExport() throws IOException {
        String dashboard = Files.readString(Path.of("..", "deploy", "monitoring", "grafana", "dashboards", "reelfm.json"));
        Set<String> queried = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b((?:reelfm|http)_[a-z0-9_]+)").matcher(dashboard);
        while (m.find()) {
            queried.add(m.group(1));
        }
        StringBuilder exported = new StringBuilder();
        for (String url : List.of(SERVING_1, SERVING_2, INGEST, "http://localhost:8082")) {
            HttpResponse<String> r = get(url + "/metrics");
            assertThat(r).as(url + "/metrics").isNotNull();
            exported.append(r.body());
        }
        assertThat(queried).as("metrics the dashboard queries").isNotEmpty()
                .allSatisfy(name -> assertThat(exported.toString()).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    @Order(4)
    void downAndUpKeepTheModelsTheListsAndTheLocalState() throws Exception {
        Map<String, Long> versions = versions();
        Map<Integer, List<String>> lists = new TreeMap<>();
        for (int u : sampleUsers()) {
            lists.put(u, itemIds(recommendations(SERVING_1, u)));
        }
        Map<String, String> stopSeconds = new TreeMap<>();
        for (String service : List.of("serving-1", "serving-2", "trainer", "ingest")) {
            long t0 = System.nanoTime();
            compose.ok(Duration.ofMinutes(1), "stop", service);
            stopSeconds.put(service, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            assertThat(compose.inspect(service, "{{.State.ExitCode}}")).as(service + " stopped by itself, not killed after the grace period")
                    .isNotEqualTo("137");
        }
        System.out.println("compose: stop times (s) " + stopSeconds);
        compose.ok(Duration.ofMinutes(3), "down");
        long up = System.nanoTime();
        compose.ok(Duration.ofMinutes(5), "up", "-d");
        awaitHealthy(Duration.ofMinutes(5));
        System.out.printf("compose: up again and healthy in %.0f s%n", (System.nanoTime() - up) / 1e9);

        assertThat(compose.ok(Duration.ofSeconds(30), "logs", "--no-color", "loader")).contains("nothing to load");
        assertThat(versions()).as("the same model versions").isEqualTo(versions);
        for (Map.Entry<Integer, List<String>> e : lists.entrySet()) {
            assertThat(itemIds(recommendations(SERVING_1, e.getKey()))).as("user %d's list", e.getKey()).isEqualTo(e.getValue());
        }
        for (String serving : List.of("serving-1", "serving-2")) {
            List<String> wiped = compose.ok(Duration.ofSeconds(30), "logs", "--no-color", serving).lines()
                    .filter(l -> l.contains("did not find checkpoint offsets")).toList();
            assertThat(wiped).as(serving + ": user state wiped and restored from the changelogs")
                    .allMatch(l -> l.contains("impression-rating-"));
        }
    }

    private static boolean standIns(Path root) {
        if (STANDINS.stream().allMatch(ComposeStackIT::imagePresent)) {
            return true;
        }
        if (Compose.run(List.of("sh", "-c", "command -v debootstrap && [ \"$(id -u)\" = 0 ]"), Map.of(), root,
                Duration.ofSeconds(10)).exitCode() != 0) {
            return false;
        }
        Compose.Result built = Compose.run(List.of("bash", "deploy/standins/build.sh"), Map.of(), root, Duration.ofMinutes(20));
        assertThat(built.exitCode()).as("deploy/standins/build.sh:\n" + Compose.tail(built.output())).isZero();
        return true;
    }

    private static boolean imagePresent(String image) {
        return Compose.docker(Duration.ofSeconds(20), "image", "inspect", image).exitCode() == 0;
    }

    private static void awaitHealthy(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(() -> SERVICES.stream().allMatch(ComposeStackIT::healthy));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Map<String, String> health = new TreeMap<>();
            SERVICES.forEach(s -> health.put(s, compose.inspect(s, "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}")));
            throw new AssertionError("services not healthy after " + timeout + ": " + health + "\n"
                    + Compose.tail(compose.compose(Duration.ofSeconds(30), "logs", "--no-color", "--tail", "20").output()), e);
        }
    }

    private static boolean healthy(String service) {
        return "healthy".equals(compose.inspect(service, "{{if .State.Health}}{{.State.Health.Status}}{{end}}"));
    }

    private static List<Integer> sampleUsers() {
        return IntStream.rangeClosed(1, 20).map(i -> i * 47).boxed().toList();
    }

    private static Map<String, Long> versions() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        HttpResponse<String> r = get(SERVING_1 + "/models");
        assertThat(r).isNotNull();
        JSON.readTree(r.body()).forEach(m -> out.put(m.path("name").asText(), m.path("version").asLong()));
        return out;
    }

    private static long forwarded(String serving) {
        HttpResponse<String> r = get(serving + "/metrics");
        assertThat(r).isNotNull();
        return r.body().lines().filter(l -> l.startsWith("reelfm_serving_forwarded_requests_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The user's list, waiting up to 5 s for a 200 (an instance can briefly answer 503 while partitions move). */
    private static JsonNode recommendations(String serving, int user) throws IOException {
        String url = serving + "/users/" + user + "/recommendations?k=5";
        HttpResponse<String> r = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .pollDelay(Duration.ZERO).ignoreExceptions()
                .until(() -> get(url), x -> x != null && x.statusCode() == 200);
        return JSON.readTree(r.body());
    }

    private static List<String> itemIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(i -> ids.add(i.path("itemId").asText()));
        return ids;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpResponse<String> post(String url, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
