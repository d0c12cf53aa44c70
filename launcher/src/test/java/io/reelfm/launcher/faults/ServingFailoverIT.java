package io.reelfm.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.DeadLetters;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.TopicReader;

/**
 * Broker, trainer and two serving instances as separate processes. One serving instance is
 * killed with SIGKILL under query load: the other must answer every user within 10 s (from its
 * standby replicas, marked stale, until the partitions have moved). Then poison lands on every
 * input topic, the global {@code movies} table included: the survivor keeps answering, stays
 * live, and the dead letters are on their topic. Then the killed instance is started again and must
 * take its users back (the survivor forwards to it again) within three minutes, answer every user
 * and serve movie pages from the global table it restored with the poison in it. Last, an instance
 * started on a taken port says so.
 */
class ServingFailoverIT {

    private static final int USERS = 120;
    private static final int ITEMS = 60;
    private static final String KEY = "failover-key-55e1b2";

    @TempDir
    Path dir;

    private record Answer(String user, String path, int status, String stale, String error, long atNanos, long millis) {
    }

    @Test
    void survivorAnswersEveryUserWithinTenSecondsAndPoisonStopsNothing() throws Exception {
        int kafkaPort = ServiceProcess.freePort();
        String bootstrap = "localhost:" + kafkaPort;
        int portA = ServiceProcess.freePort();
        int portB = ServiceProcess.freePort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ServiceProcess broker = ServiceProcess.start("broker", List.of("broker", "--port", String.valueOf(kafkaPort),
                "--data-dir", dir.resolve("kafka").toString()), Map.of(), dir)) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                TopicCreator.ensure(bootstrap, Topics.pipelineTopics(), (short) 1, Duration.ofSeconds(5));
                return true;
            });
            seed(bootstrap);
            Map<String, String> trainerEnv = Map.of("REELFM_TRAINER_MODELS", "fm-mcmc", "REELFM_TRAINER_MIN_RATINGS", "200",
                    "REELFM_API_KEYS", "ops:" + KEY);
            try (ServiceProcess trainer = ServiceProcess.start("trainer", List.of("trainer", "--port",
                    String.valueOf(ServiceProcess.freePort()), "--bootstrap-servers", bootstrap), trainerEnv, dir);
                 ServiceProcess a = serving("serving-a", portA, bootstrap);
                 ServiceProcess b = serving("serving-b", portB, bootstrap)) {
                await().atMost(Duration.ofSeconds(180)).until(() -> ServiceProcess.httpStatus(http, portA, "/health/ready") == 200
                        && ServiceProcess.httpStatus(http, portB, "/health/ready") == 200);
                // Both instances answer for every user before the fault (standbys have had time to fill).
                await().atMost(Duration.ofSeconds(60)).until(() -> allUsers(http, portA) && allUsers(http, portB));

                ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
                long killedAt = System.nanoTime();
                b.kill();
                long end = killedAt + TimeUnit.SECONDS.toNanos(20);
                int i = 0;
                while (System.nanoTime() < end) {
                    String user = "u" + (i++ % USERS);
                    answers.add(ask(http, portA, "/users/" + user + "/recommendations?k=5", user));
                    answers.add(ask(http, portA, "/users/" + user + "/history?limit=3", user));
                }
                Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
                long stale = answers.stream().filter(x -> x.stale() != null).count();
                long lastFailure = answers.stream().filter(x -> x.status() != 200).mapToLong(Answer::atNanos).max().orElse(killedAt);
                long[] ms = answers.stream().mapToLong(Answer::millis).sorted().toArray();
                System.out.printf("serving kill: %d requests %s, %d marked stale, last failure %.1f s after the kill;"
                                + " latency p50 %d ms, p99 %d ms, max %d ms%n", answers.size(), byStatus, stale,
                        (lastFailure - killedAt) / 1e9, ms[ms.length / 2], ms[(int) (ms.length * 0.99)], ms[ms.length - 1]);
                answers.stream().filter(x -> x.error() != null)
                        .map(x -> String.format("%.1fs %s %d %s", (x.atNanos() - killedAt) / 1e9, x.path(), x.status(), x.error()))
                        .collect(Collectors.groupingBy(line -> line.replaceAll("^\\S+ ", "").replaceAll("u\\d+", "u*"),
                                java.util.LinkedHashMap::new, Collectors.toList()))
                        .forEach((kind, lines) -> System.out.printf("  %d x %s (first: %s)%n", lines.size(), kind, lines.get(0)));

                assertThat(byStatus.keySet()).as("statuses").isSubsetOf(200, 503);
                assertThat(answers.stream().map(Answer::user).distinct().count()).isEqualTo(USERS);
                assertThat(answers).filteredOn(x -> x.atNanos() > killedAt + TimeUnit.SECONDS.toNanos(10))
                        .isNotEmpty().allSatisfy(x -> assertThat(x.status()).as(x.user()).isEqualTo(200));
                for (int u = 0; u < USERS; u++) {
                    String user = "u" + u;
                    assertThat(answers).as("an answer for " + user + " within 10 s")
                            .anySatisfy(x -> {
                                assertThat(x.user()).isEqualTo(user);
                                assertThat(x.status()).isEqualTo(200);
                                assertThat(x.atNanos() - killedAt).isLessThan(TimeUnit.SECONDS.toNanos(10));
                            });
                }

                poisonEveryInputTopic(bootstrap);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Map<String, Long> dead = TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS).stream()
                            .collect(Collectors.groupingBy(r -> new String(header(r, DeadLetters.HEADER_TOPIC), StandardCharsets.UTF_8),
                                    Collectors.counting()));
                    assertThat(dead).containsKeys(Topics.RATINGS.name(), Topics.USERS.name(), Topics.MOVIES.name());
                });
                assertThat(ServiceProcess.httpStatus(http, portA, "/movies/search?q=movie")).isEqualTo(200);
                assertThat(ServiceProcess.httpStatus(http, portA, "/users/u1/recommendations?k=5")).isEqualTo(200);
                assertThat(ServiceProcess.httpStatus(http, portA, "/movies/m1")).isEqualTo(200);
                assertThat(ServiceProcess.httpStatus(http, portA, "/health/live")).isEqualTo(200);

                // The killed instance rejoins from its own state directory, warms up as a standby and takes
                // its users back at a probing rebalance (every minute), so the survivor forwards to it again.
                long forwardedBefore = forwardedRequests(http, portA);
                long restartedAt = System.nanoTime();
                b.restart();
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    for (int u = 0; u < USERS; u++) {
                        ServiceProcess.httpStatus(http, portA, "/users/u" + u + "/recommendations?k=5");
                    }
                    return forwardedRequests(http, portA) > forwardedBefore;
                });
                long tookBack = System.nanoTime();
                // The hand-over's rebalance briefly closes stores; then the rejoined instance answers everyone.
                await().atMost(Duration.ofSeconds(60)).until(() -> allUsers(http, portB));
                System.out.printf("serving rejoin: the restarted instance owned users again %.1f s after its restart,"
                        + " answered every user %.1f s after that%n", (tookBack - restartedAt) / 1e9, (System.nanoTime() - tookBack) / 1e9);
                // It restored the global movies table with the poison in it: decoded the same way, nothing stops.
                assertThat(ServiceProcess.httpStatus(http, portB, "/movies/search?q=movie")).isEqualTo(200);
                assertThat(ServiceProcess.httpStatus(http, portB, "/movies/m1")).isEqualTo(200);
                assertThat(ServiceProcess.httpStatus(http, portB, "/health/live")).isEqualTo(200);

                ServiceProcess clash = ServiceProcess.start("serving-clash", List.of("serving", "--port", String.valueOf(portA),
                        "--bootstrap-servers", bootstrap), servingEnv("clash"), dir);
                assertThat(clash.awaitExit(Duration.ofSeconds(60))).isNotZero().isNotEqualTo(-1);
                assertThat(clash.output()).contains("port " + portA).contains("already in use");
            }
        }
    }

    private ServiceProcess serving(String name, int port, String bootstrap) {
        return ServiceProcess.start(name, List.of("serving", "--port", String.valueOf(port), "--bootstrap-servers", bootstrap),
                servingEnv(name), dir);
    }

    private Map<String, String> servingEnv(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("REELFM_SERVING_STATE_DIR", dir.resolve("state-" + name).toString());
        env.put("REELFM_SERVING_APPLICATION_ID", "failover-it");
        env.put("REELFM_SERVING_VARIANTS", "main:fm-mcmc:1");
        env.put("REELFM_SERVING_CLUSTER_MODEL", "none");
        env.put("REELFM_API_KEYS", "ops:" + KEY);
        return env;
    }

    private static byte[] header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? new byte[0] : h.value();
    }

    private static void seed(String bootstrap) throws Exception {
        Random random = new Random(7);
        try (KafkaProducer<byte[], byte[]> p = producer(bootstrap)) {
            for (int m = 0; m < ITEMS; m++) {
                Movie movie = Movie.newBuilder().setItemId("m" + m).setTitle("Movie " + m).setYear(1990 + m % 20)
                        .setGenres(List.of(m % 2 == 0 ? "Drama" : "Comedy")).build();
                send(p, Topics.MOVIES, "m" + m, movie);
            }
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int u = 0; u < USERS; u++) {
                for (int j = 0; j < 12; j++) {
                    int m = (u * 7 + j * 5) % ITEMS;
                    RatingEvent e = RatingEvent.newBuilder().setEventId("u" + u + "-" + j).setUserId("u" + u).setItemId("m" + m)
                            .setRating(1 + random.nextInt(5)).setTimestamp(t0.plusSeconds(u * 100L + j)).setSource("test").build();
                    send(p, Topics.RATINGS, "u" + u, e);
                }
            }
            p.flush();
        }
    }

    private static void poisonEveryInputTopic(String bootstrap) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = producer(bootstrap)) {
            for (String topic : List.of(Topics.RATINGS.name(), Topics.USERS.name(), Topics.MOVIES.name())) {
                p.send(new ProducerRecord<>(topic, "m1".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static <V> void send(KafkaProducer<byte[], byte[]> p, Topic<String, V> topic, String key, V value) {
        p.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static boolean allUsers(HttpClient http, int port) {
        for (int u = 0; u < USERS; u++) {
            if (ServiceProcess.httpStatus(http, port, "/users/u" + u + "/history?limit=1") != 200) {
                return false;
            }
        }
        return true;
    }

    /** The survivor's count of requests it forwarded to the instance owning the user. */
    private static long forwardedRequests(HttpClient http, int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("reelfm_serving_forwarded_requests_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static Answer ask(HttpClient http, int port, String path, String user) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(user, path.substring(path.lastIndexOf('/')), r.statusCode(),
                    r.headers().firstValue("X-ReelFM-Stale").orElse(null), r.statusCode() == 200 ? null : r.body(), System.nanoTime(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (Exception e) {
            return new Answer(user, path, -1, null, e.toString(), System.nanoTime(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }
}
