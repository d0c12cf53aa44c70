package io.reelfm.ingest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP load client for {@code POST /ratings/batch}: sends a fixed number of synthetic
 * ratings in batches from several concurrent connections and reports accepted events per
 * second and per-batch latency. Bodies are generated up front from a fixed seed, so the timed
 * part measures the service and Kafka, not the client's JSON building.
 *
 * <p>Usable from code ({@link #run(Options)}) and from the command line:
 * {@code IngestLoad --url http://localhost:8081 --events 200000 --batch 1000 --concurrency 4}.
 */
public final class IngestLoad {

    /**
     * @param baseUri     the ingest service, e.g. {@code http://localhost:8081}
     * @param events      ratings to send in total
     * @param batchSize   ratings per request
     * @param concurrency requests in flight at once
     * @param users       distinct user ids to draw from
     * @param items       distinct item ids to draw from
     * @param seed        random seed for ids and ratings
     * @param ndjson      NDJSON bodies rather than JSON arrays
     * @param runId       prefix of every eventId, so repeated runs do not collide in downstream dedupe
     */
    public record Options(URI baseUri, long events, int batchSize, int concurrency, int users, int items, long seed,
                          boolean ndjson, String runId) {

        public Options {
            if (events < 1 || batchSize < 1 || concurrency < 1 || users < 1 || items < 1) {
                throw new IllegalArgumentException("events, batch, concurrency, users and items must all be >= 1");
            }
        }

        public static Options defaults(URI baseUri) {
            return new Options(baseUri, 200_000, 1000, 4, 943, 1682, 42, true, UUID.randomUUID().toString().substring(0, 8));
        }
    }

    /** What happened: events accepted (202), failed batches by status, throughput and latency per batch. */
    public record Result(long acceptedEvents, long batches, Map<Integer, Integer> failuresByStatus, Duration elapsed,
                         double eventsPerSecond, double p50Millis, double p99Millis, double maxMillis) {

        public String summary() {
            return String.format(Locale.ROOT,
                    "accepted %d events in %d batches in %.2f s: %.0f events/s; batch latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
                    acceptedEvents, batches, elapsed.toNanos() / 1e9, eventsPerSecond, p50Millis, p99Millis, maxMillis,
                    failuresByStatus.isEmpty() ? "" : "; FAILED batches by status " + failuresByStatus);
        }
    }

    private IngestLoad() {
    }

    public static Result run(Options o) throws InterruptedException {
        List<String> bodies = bodies(o);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        URI uri = o.baseUri().resolve("/ratings/batch");
        String contentType = o.ndjson() ? "application/x-ndjson" : "application/json";
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(o.concurrency());
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < o.concurrency(); w++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                        long t0 = System.nanoTime();
                        int status = post(client, uri, contentType, bodies.get(i));
                        latencies[i] = System.nanoTime() - t0;
                        if (status == 202) {
                            accepted.addAndGet(rowsIn(i, o));
                        } else {
                            failures.merge(status, 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("load worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(accepted.get(), bodies.size(), Map.copyOf(failures), elapsed,
                accepted.get() / (elapsed.toNanos() / 1e9), percentile(sorted, 0.5), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static int post(HttpClient client, URI uri, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static long rowsIn(int batch, Options o) {
        return Math.min(o.batchSize(), o.events() - (long) batch * o.batchSize());
    }

    static List<String> bodies(Options o) {
        Random random = new Random(o.seed());
        long baseMillis = Instant.now().toEpochMilli() - o.events();
        List<String> bodies = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (long n = 0; n < o.events(); n++) {
            boolean first = n % o.batchSize() == 0;
            if (first) {
                sb.setLength(0);
                sb.append(o.ndjson() ? "" : "[");
            } else {
                sb.append(o.ndjson() ? "\n" : ",");
            }
            sb.append("{\"userId\":\"").append(1 + random.nextInt(o.users()))
                    .append("\",\"itemId\":\"").append(1 + random.nextInt(o.items()))
                    .append("\",\"rating\":").append(0.5 * (1 + random.nextInt(10)))
                    .append(",\"timestamp\":").append(baseMillis + n)
                    .append(",\"eventId\":\"").append(o.runId()).append('-').append(n).append("\"}");
            boolean last = n % o.batchSize() == o.batchSize() - 1 || n == o.events() - 1;
            if (last) {
                bodies.add(sb.append(o.ndjson() ? "\n" : "]").toString());
            }
        }
        return bodies;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    public static void main(String[] args) throws InterruptedException {
        Options o = parse(args, Options.defaults(URI.create("http://localhost:8081")));
        System.out.println("IngestLoad: " + o);
        Result r = run(o);
        System.out.println(r.summary());
        if (!r.failuresByStatus().isEmpty()) {
            System.exit(1);
        }
    }

    static Options parse(String[] args, Options d) {
        URI uri = d.baseUri();
        long events = d.events();
        int batch = d.batchSize();
        int concurrency = d.concurrency();
        long seed = d.seed();
        boolean ndjson = d.ndjson();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--url" -> uri = URI.create(v);
                case "--events" -> events = Long.parseLong(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--format" -> ndjson = switch (v) {
                    case "ndjson" -> true;
                    case "json" -> false;
                    default -> throw new IllegalArgumentException("--format must be ndjson or json, was " + v);
                };
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (known: --url --events --batch --concurrency --seed --format)");
            }
        }
        return new Options(uri, events, batch, concurrency, d.users(), d.items(), seed, ndjson, d.runId());
    }
}
