package io.reelfm.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.TopicReader;

/**
 * The broker is killed with SIGKILL under a steady write load and started again on the same
 * data: ingest (its own process, never restarted) must answer every request 202 or 503 with
 * Retry-After, never 500; must accept writes again by itself; its readiness must answer fast
 * and say DOWN while Kafka is away; and every rating it accepted must be in the topic exactly
 * once. Its log must never hold the API key.
 */
class IngestBrokerRestartIT {

    private static final String KEY = "fault-test-key-7f3a9c1e";

    @TempDir
    Path dir;

    private record Outcome(String eventId, int status, String retryAfter, long atNanos) {
    }

    @Test
    void ingestRidesOutABrokerKillWithoutARestart() throws Exception {
        int kafkaPort = ServiceProcess.freePort();
        int ingestPort = ServiceProcess.freePort();
        String bootstrap = "localhost:" + kafkaPort;
        Path data = dir.resolve("kafka");
        List<String> brokerArgs = List.of("broker", "--port", String.valueOf(kafkaPort), "--data-dir", data.toString());
        Map<String, String> ingestEnv = Map.of(
                "REELFM_API_KEYS", "faults:" + KEY,
                "REELFM_INGEST_KAFKA_MAX_BLOCK", "2s",
                "REELFM_INGEST_KAFKA_REQUEST_TIMEOUT", "2s",
                "REELFM_INGEST_KAFKA_DELIVERY_TIMEOUT", "5s",
                "REELFM_INGEST_KAFKA_ADMIN_TIMEOUT", "1s",
                "REELFM_INGEST_RETRY_AFTER", "2s",
                "REELFM_INGEST_KAFKA_TRANSACTIONAL_ID_PREFIX", "fault-ingest");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        try (ServiceProcess broker = ServiceProcess.start("broker", brokerArgs, Map.of(), dir);
             ServiceProcess ingest = ServiceProcess.start("ingest", List.of("ingest", "--port", String.valueOf(ingestPort),
                     "--bootstrap-servers", bootstrap), ingestEnv, dir)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> ServiceProcess.httpStatus(http, ingestPort, "/health/ready") == 200);

            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong ids = new AtomicLong();
            ExecutorService load = Executors.newFixedThreadPool(5);
            for (int t = 0; t < 4; t++) {
                load.submit(() -> {
                    while (running.get()) {
                        String id = "fault-" + ids.incrementAndGet();
                        outcomes.add(post(http, ingestPort, id));
                    }
                });
            }
            List<Long> readyMillis = new ArrayList<>();
            List<Integer> readyStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
            probe.scheduleWithFixedDelay(() -> {
                long t0 = System.nanoTime();
                int s = ServiceProcess.httpStatus(http, ingestPort, "/health/ready");
                synchronized (readyMillis) {
                    readyMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                    readyStatuses.add(s);
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            // under load and seen ready before the kill
            await().atMost(Duration.ofSeconds(60)).until(() -> count(outcomes, 202) >= 100 && readySaw(readyStatuses, 200));
            broker.kill();
            long killedAt = System.nanoTime();
            // the outage noticed by the writers and by readiness before the broker comes back
            await().atMost(Duration.ofSeconds(60)).until(() -> count(outcomes, 503) >= 5 && readySaw(readyStatuses, 503));
            broker.restart();
            long restartedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(90)).until(() -> outcomes.stream()
                    .anyMatch(o -> o.atNanos() > restartedAt && o.status() == 202));
            long firstAcceptedAfterRestart = outcomes.stream().filter(o -> o.atNanos() > restartedAt && o.status() == 202)
                    .mapToLong(Outcome::atNanos).min().orElseThrow();
            // a steady state: the last 8 s of answers all 202, and plenty of them
            long steadyWindow = TimeUnit.SECONDS.toNanos(8);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                long now = System.nanoTime();
                long lastRefused = outcomes.stream().filter(o -> o.status() != 202).mapToLong(Outcome::atNanos).max().orElse(0);
                return now - lastRefused >= steadyWindow
                        && outcomes.stream().filter(o -> o.atNanos() >= now - steadyWindow).count() >= 20;
            });
            long steadyFrom = System.nanoTime() - steadyWindow;
            running.set(false);
            probe.shutdown();
            assertThat(probe.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            Map<Integer, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
            System.out.printf("broker kill: %s; readiness max %d ms; first 202 %.1f s after the restart (%.1f s after the kill)%n",
                    byStatus, readyMillis.stream().mapToLong(Long::longValue).max().orElse(0),
                    (firstAcceptedAfterRestart - restartedAt) / 1e9, (firstAcceptedAfterRestart - killedAt) / 1e9);

            assertThat(byStatus.keySet()).as("statuses seen").isSubsetOf(202, 503);
            assertThat(byStatus.get(503)).as("the outage was noticed").isPositive();
            assertThat(outcomes).filteredOn(o -> o.status() == 503).allSatisfy(o -> assertThat(o.retryAfter()).isNotNull());
            assertThat(outcomes).filteredOn(o -> o.atNanos() >= steadyFrom).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.status()).as("after recovery").isEqualTo(202));
            synchronized (readyMillis) {
                assertThat(readyMillis).allSatisfy(ms -> assertThat(ms).isLessThan(3000L));
                assertThat(readyStatuses).contains(503, 200);
            }

            ingest.close();
            List<String> accepted = outcomes.stream().filter(o -> o.status() == 202).map(Outcome::eventId).toList();
            Map<String, Integer> inTopic = new HashMap<>();
            for (ConsumerRecord<String, RatingEvent> r : TopicReader.readAll(bootstrap, Topics.RATINGS)) {
                inTopic.merge(r.value().getEventId(), 1, Integer::sum);
            }
            assertThat(accepted).allSatisfy(id -> assertThat(inTopic.get(id)).as(id).isEqualTo(1));
            assertThat(ingest.output()).doesNotContain(KEY);
        }
    }

    private static Outcome post(HttpClient http, int port, String eventId) {
        String body = "{\"eventId\":\"" + eventId + "\",\"userId\":\"u" + (eventId.hashCode() & 63)
                + "\",\"itemId\":\"m1\",\"rating\":4}";
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ratings"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Outcome(eventId, resp.statusCode(), resp.headers().firstValue("Retry-After").orElse(null), System.nanoTime());
        } catch (Exception e) {
            return new Outcome(eventId, -1, null, System.nanoTime());
        }
    }

    private static long count(ConcurrentLinkedQueue<Outcome> outcomes, int status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static boolean readySaw(List<Integer> statuses, int status) {
        return statuses.contains(status);
    }
}
