package io.reelfm.launcher.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplayProgress;
import io.reelfm.ingest.replay.Replayer;
import io.reelfm.launcher.demo.Demo;
import io.reelfm.launcher.demo.DemoComponents;
import io.reelfm.launcher.demo.DemoConfig;
import io.reelfm.service.http.Json;

/**
 * The soak: the whole local stack in one JVM (embedded broker, ingest, trainer, serving), a data
 * set replayed, then for the given minutes ingest batches at a steady rate while recommendation
 * queries arrive at a fixed rate (open loop: latency counts from when a request was due, so a
 * stall shows up in the tail instead of slowing the load). Reports every error, the latency
 * percentiles, heap after collections over time, and whether every accepted rating was counted
 * exactly once by serving.
 *
 * <pre>
 * java -cp ... io.reelfm.launcher.bench.SoakRun &lt;ml-100k dir&gt; &lt;minutes&gt; &lt;queries/s&gt; &lt;ratings/s&gt;
 * </pre>
 */
public final class SoakRun {

    private static final int BATCH_ROWS = 100;
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int minutes = Integer.parseInt(args[1]);
        int queriesPerSecond = Integer.parseInt(args[2]);
        int ratingsPerSecond = Integer.parseInt(args[3]);
        DemoConfig config = DemoConfig.freePorts();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(32)).build();
        try (Demo demo = Demo.start(config, state -> DemoComponents.running(config, state))) {
            String ingest = demo.url("ingest");
            String serving = demo.url("serving");
            String trainer = demo.url("trainer");
            String key = demo.apiKey().orElseThrow();
            Dataset dataset = DatasetFormat.open(data);
            long replayed = new Replayer(ReplayConfig.defaults(demo.bootstrapServers()), ReplayProgress.NONE).replay(dataset).ratings();
            List<String> items = new ArrayList<>();
            dataset.movies(m -> items.add(m.itemId()), bad -> { });
            List<String> users = new ArrayList<>();
            dataset.users(u -> users.add(u.userId()), bad -> { });
            long t0 = System.nanoTime();
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> status(http, serving + "/health/ready") == 200);
            System.out.printf("replayed %d ratings; serving ready %.0f s later%n", replayed, (System.nanoTime() - t0) / 1e9);
            // The soak measures steady state: wait until the trainer's first fits are all done.
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(2)).until(() -> firstFitsDone(http, trainer));
            System.out.printf("trainer's first fits done %.0f s after the replay%n", (System.nanoTime() - t0) / 1e9);

            sequentialByVariant(http, serving, users);
            // A fresh JVM compiles its hot paths first: ramp up as an operator's traffic would, with the
            // measured phase's mix (unknown users, ingest batches) at a tenth, a quarter and half of its rates,
            // so the measured phase does not start by compiling the paths the ramp never took.
            AtomicLong eventIds = new AtomicLong();
            Traffic warmUp = new Traffic();
            for (int divisor : new int[] {10, 4, 2}) {
                ScheduledExecutorService warm = Executors.newScheduledThreadPool(4);
                Random warmRandom = new Random(5 + divisor);
                warm.scheduleAtFixedRate(warmUp.query(http, serving, users, warmRandom), 0,
                        TimeUnit.SECONDS.toNanos(1) * divisor / queriesPerSecond, TimeUnit.NANOSECONDS);
                warm.scheduleAtFixedRate(warmUp.ingest(http, ingest, key, items, warmRandom, eventIds), 0,
                        TimeUnit.SECONDS.toNanos(1) * BATCH_ROWS * divisor / ratingsPerSecond, TimeUnit.NANOSECONDS);
                warm.schedule(() -> { }, WARM_UP_STEP.toMillis(), TimeUnit.MILLISECONDS).get();
                warm.shutdown();
                warm.awaitTermination(60, TimeUnit.SECONDS);
            }
            System.out.printf("warmed up for %d s: %d queries (%d errors), %d ratings accepted (%d failed batches)%n",
                    3 * WARM_UP_STEP.toSeconds(), warmUp.queries.get(), warmUp.queryErrors.get(), warmUp.accepted.get(),
                    warmUp.ingestErrors.get());

            Traffic measured = new Traffic();
            ConcurrentHistogram latency = measured.latency;
            AtomicLong queryErrors = measured.queryErrors;
            AtomicLong queries = measured.queries;
            AtomicLong accepted = measured.accepted;
            AtomicLong ingestErrors = measured.ingestErrors;
            ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
            Random random = new Random(11);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / queriesPerSecond;
            long start = System.nanoTime();
            load.scheduleAtFixedRate(measured.query(http, serving, users, random), 0, periodNanos, TimeUnit.NANOSECONDS);
            long batchPeriod = TimeUnit.SECONDS.toNanos(1) * BATCH_ROWS / ratingsPerSecond;
            load.scheduleAtFixedRate(measured.ingest(http, ingest, key, items, random, eventIds), 0, batchPeriod, TimeUnit.NANOSECONDS);

            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
            AtomicLong minute = new AtomicLong();
            load.scheduleAtFixedRate(() -> {
                long afterGc = heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                System.out.printf("minute %2d: %7d queries (%d errors), %8d ratings accepted (%d failed batches), "
                                + "heap after last collections %4d MB, p99 so far %.1f ms%n", minute.incrementAndGet(), queries.get(),
                        queryErrors.get(), accepted.get(), ingestErrors.get(), afterGc >> 20,
                        latency.getValueAtPercentile(99) / 1000.0);
            }, 1, 1, TimeUnit.MINUTES);
            // The measured phase ends after the given minutes: wait for that moment, not for a poll.
            load.schedule(() -> { }, minutes, TimeUnit.MINUTES).get();
            load.shutdown();
            load.awaitTermination(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;

            long expected = replayed + warmUp.accepted.get() + accepted.get();
            AtomicLong counted = new AtomicLong(-1);
            AtomicLong trainerAccepted = new AtomicLong(-1);
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    long sum = 0;
                    for (String item : items) {
                        JsonNode movie = json(http, serving + "/movies/" + item);
                        sum += movie == null ? 0 : movie.get("stats").get("ratings").asLong();
                    }
                    counted.set(sum);
                    JsonNode status = json(http, trainer + "/status");
                    trainerAccepted.set(status == null ? -1 : status.get("data").get("accepted").asLong());
                    return sum == expected && trainerAccepted.get() == expected;
                });
            } catch (ConditionTimeoutException e) {
                System.out.println("counts still differ after 2 minutes of waiting");
            }
            System.out.printf("%n%.0f s at %d queries/s and %d ratings/s%n", seconds, queriesPerSecond, ratingsPerSecond);
            System.out.printf("queries: %d, errors %d; latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    queries.get(), queryErrors.get(), latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
                    latency.getMaxValue() / 1000.0);
            System.out.printf("ratings: %d accepted, %d failed batches; serving counts %d of %d expected (replayed + accepted, warm-up included);"
                    + " trainer accepted %d%n", accepted.get(), ingestErrors.get(), counted.get(), expected, trainerAccepted.get());
        }
        System.exit(0);
    }

    /**
     * One phase's load and what came of it: queries for replayed users and, one in three, for the
     * users the ingest batches create (whose lists are folded in as their ratings arrive), and
     * batches of ratings with fresh eventIds.
     */
    private static final class Traffic {
        final ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        final AtomicLong queries = new AtomicLong();
        final AtomicLong queryErrors = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong ingestErrors = new AtomicLong();

        Runnable query(HttpClient http, String serving, List<String> users, Random random) {
            return () -> {
                long due = System.nanoTime();
                String user = random.nextInt(3) == 0 ? "soak-u" + random.nextInt(1000) : users.get(random.nextInt(users.size()));
                HttpRequest r = HttpRequest.newBuilder(URI.create(serving + "/users/" + user + "/recommendations?k=10"))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, e) -> {
                    latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due)));
                    queries.incrementAndGet();
                    if (e != null || resp.statusCode() != 200) {
                        queryErrors.incrementAndGet();
                    }
                });
            };
        }

        Runnable ingest(HttpClient http, String ingest, String key, List<String> items, Random random, AtomicLong eventIds) {
            return () -> {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < BATCH_ROWS; i++) {
                    body.append("{\"eventId\":\"soak-").append(eventIds.incrementAndGet()).append("\",\"userId\":\"soak-u")
                            .append(random.nextInt(1000)).append("\",\"itemId\":\"").append(items.get(random.nextInt(items.size())))
                            .append("\",\"rating\":").append(1 + random.nextInt(5)).append("}\n");
                }
                try {
                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(ingest + "/ratings/batch"))
                            .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + key)
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() == 202) {
                        accepted.addAndGet(BATCH_ROWS);
                    } else {
                        ingestErrors.incrementAndGet();
                    }
                } catch (Exception e) {
                    ingestErrors.incrementAndGet();
                }
            };
        }
    }

    /** One request at a time for every replayed user, twice: the per-variant cost with no queueing. */
    private static void sequentialByVariant(HttpClient http, String serving, List<String> users) {
        for (int round = 0; round < 2; round++) {
            java.util.Map<String, List<Long>> byVariant = new java.util.TreeMap<>();
            for (String user : users) {
                long t = System.nanoTime();
                JsonNode r = json(http, serving + "/users/" + user + "/recommendations?k=10");
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t);
                byVariant.computeIfAbsent(r == null ? "error" : r.get("variant").asText(), v -> new ArrayList<>()).add(micros);
            }
            int pass = round + 1;
            byVariant.forEach((variant, times) -> {
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("sequential pass %d, variant %s: %d requests, median %.2f ms, p90 %.2f ms%n", pass, variant,
                        sorted.length, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.9)] / 1000.0);
            });
        }
    }

    private static boolean firstFitsDone(HttpClient http, String trainer) {
        JsonNode status = json(http, trainer + "/status");
        if (status == null) {
            return false;
        }
        for (JsonNode model : status.get("training")) {
            if (model.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonNode json(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
