package io.reelfm.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.launcher.faults.ServiceProcess;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.service.http.Json;

/**
 * Serving at scale, every part its own OS process as an operator runs it: {@code reelfm broker},
 * {@code ingest}, {@code trainer} and three {@code serving} instances (own state directory and
 * port, 1 GB heap each), a generated set replayed with {@code reelfm replay --synthetic}. Once the
 * trainer's first fits are published and every instance is ready, it measures, in this order:
 * <ol>
 * <li>routing: a sample of users asked at every instance, each must answer 200 and all must name
 * the same owner;</li>
 * <li>state bytes per user (the instances' state directories over the users) and heap after a full
 * collection per instance;</li>
 * <li>latency at a fixed rate from {@link ScaleLoad} in its own process, local against forwarded,
 * while freshness (rating posted to ingest → that user's list changed) is sampled;</li>
 * <li>failover: one instance killed with SIGKILL under load; users it owned, and others, asked at
 * the survivors until 30 s after the kill; none may fail after 10 s;</li>
 * <li>restore: every instance stopped, one started with an empty state directory; the time until it
 * is ready is the time to restore all serving state from the changelogs; then the same load against
 * this single instance, the baseline for three, and once more with freshness sampled under it.</li>
 * </ol>
 * {@code -DbaselineOnly=true} skips the three-instance steps and catches up with one instance; {@code -DbaselineJvm="opt opt"} adds
 * JVM options to the single instance (e.g. a flight recording of it under the load),
 * {@code -DreuseBroker=true} starts the broker on the work directory's data from an earlier run (no replay, no trainer
 * running beside it): three instances restore from the changelogs and the three-instance steps run, then the single
 * instance's restore and load (with {@code -DbaselineOnly=true} only the latter), {@code -DservingEnv="K=V K=V"}
 * sets environment variables (settings) of every serving instance,
 * {@code -DservingJvm="opt opt"} to the three ({@code {name}} in an option becomes the instance's name),
 * {@code -DbrokerJvm} and {@code -DloadJvm} to the broker and the load generator (a GC log of each, to lay
 * beside the generator's slow requests).
 *
 * <pre>
 * java -cp ... io.reelfm.launcher.bench.ScaleRun &lt;users&gt; &lt;movies&gt; &lt;ratings&gt; &lt;work dir&gt;
 * </pre>
 * System properties: {@code rate} (500), {@code seconds} (60), {@code warmup} (60),
 * {@code routingUsers} (20000), {@code freshness} (100), {@code failoverUsers} (3000),
 * {@code trainerHeap} (4g), {@code replayHeap} (2g), {@code models} (the trainer's list; serving then has one variant
 * per model). The default models' first fits can take far longer than serving needs to catch up on a large set.
 */
public final class ScaleRun {

    private static final String KEY = "scale-run-key-3f1c";
    private static final String APP = "scale-serving";
    private static final Duration FAILOVER_WINDOW = Duration.ofSeconds(10);
    /** The trainer's models (system property {@code models}); unset, the trainer's and serving's defaults. */
    private static final String MODELS = System.getProperty("models");

    private final Path dir;
    private final int users;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final long t0 = System.nanoTime();
    /** The run's processes by name, for {@link CpuShares}. */
    private final Map<String, Long> pids = new java.util.LinkedHashMap<>();

    private ScaleRun(Path dir, int users) {
        this.dir = dir;
        this.users = users;
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        String movies = args[1];
        String ratings = args[2];
        Path dir = Path.of(args[3]);
        Files.createDirectories(dir);
        new ScaleRun(dir, users).run(movies, ratings);
        System.exit(0);
    }

    private void run(String movies, String ratings) throws Exception {
        int kafkaPort = ServiceProcess.freePort();
        String bootstrap = "localhost:" + kafkaPort;
        int ingestPort = ServiceProcess.freePort();
        // without the three-instance steps one instance takes the ratings in: a third of the catch-up's CPU
        List<Integer> ports = new ArrayList<>();
        for (int i = Boolean.getBoolean("baselineOnly") ? 1 : 3; i > 0; i--) {
            ports.add(ServiceProcess.freePort());
        }
        log("started %s; work dir %s", Instant.now(), dir);
        log("%s", MachineState.describe());
        try (ServiceProcess broker = ServiceProcess.start("broker", withOptions(List.of("-Xmx1g"), "brokerJvm"), List.of("broker", "--port",
                String.valueOf(kafkaPort), "--data-dir", dir.resolve("kafka").toString()), Map.of(), dir);
             ServiceProcess ingest = ServiceProcess.start("ingest", List.of("-Xmx512m"), List.of("ingest", "--port",
                     String.valueOf(ingestPort), "--bootstrap-servers", bootstrap), Map.of("REELFM_API_KEYS", "scale:" + KEY), dir)) {
            pids.put("broker", broker.pid());
            pids.put("ingest", ingest.pid());
            waitFor("the broker", Duration.ofMinutes(2), () -> {
                try {
                    TopicCreator.ensure(bootstrap, Topics.pipelineTopics(), (short) 1, Duration.ofSeconds(5));
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
            if (Boolean.getBoolean("reuseBroker")) {
                // A broker data directory from an earlier run of this command: its ratings replayed and
                // its snapshots published, so only the restores and the measurements are repeated.
                log("reusing the broker's data in %s: no replay, no trainer", dir.resolve("kafka"));
                if (!Boolean.getBoolean("baselineOnly")) {
                    restoreThree(ports, bootstrap, ingestPort);
                }
                deleteRecursively(dir.resolve("state-serving-fresh"));
                restoreAndBaseline(bootstrap, ingestPort);
                log("done %s", Instant.now());
                return;
            }
            long replayStart = System.nanoTime();
            ServiceProcess replay = ServiceProcess.start("replay", List.of("-Xmx" + System.getProperty("replayHeap", "2g")),
                    List.of("replay", "--bootstrap-servers", bootstrap, "--no-progress", "--no-imdb", "--synthetic", "--synthetic-users",
                            String.valueOf(users), "--synthetic-movies", movies, "--synthetic-ratings", ratings,
                            "--synthetic-scale", "half"), Map.of(), dir);
            int replayExit = replay.awaitExit(Duration.ofHours(2));
            log("replay exited %d after %.0f s; its last lines:%n%s", replayExit, secondsSince(replayStart), tail(replay.output(), 6));

            Map<String, String> trainerEnv = new HashMap<>(Map.of("REELFM_API_KEYS", "scale:" + KEY, "REELFM_TRAINER_REFIT_AFTER", "24h",
                    "REELFM_TRAINER_REFIT_AFTER_EVENTS", "100000000"));
            if (MODELS != null) {
                trainerEnv.put("REELFM_TRAINER_MODELS", MODELS);
            }
            int trainerPort = ServiceProcess.freePort();
            long servingStart = System.nanoTime();
            List<ServiceProcess> serving = new ArrayList<>();
            try (ServiceProcess trainer = ServiceProcess.start("trainer", List.of("-Xmx" + System.getProperty("trainerHeap", "4g")),
                    List.of("trainer", "--port", String.valueOf(trainerPort), "--bootstrap-servers", bootstrap), trainerEnv, dir)) {
                pids.put("trainer", trainer.pid());
                startInstances(ports, bootstrap, serving);
                waitFor("the trainer's first fits", Duration.ofHours(2), () -> firstFitsDone(trainerPort));
                log("trainer's first fits done %.0f s after the services started", secondsSince(servingStart));
                waitFor("every serving instance ready", Duration.ofHours(3), () -> ports.stream().allMatch(this::ready));
                log("every serving instance ready %.0f s after the services started", secondsSince(servingStart));
                if (!Boolean.getBoolean("baselineOnly")) {
                    measureThree(ports, serving, ingestPort);
                }
                stopInstances(serving);
                restoreAndBaseline(bootstrap, ingestPort);
            } finally {
                stopInstances(serving);
            }
        }
        log("done %s", Instant.now());
    }

    /**
     * Three instances with empty state directories join the application of an earlier run and restore
     * everything from its changelogs (each its active tasks and a standby copy of others), then the
     * three-instance steps run as after a catch-up: the failover measured at a set too large to
     * catch up from the ratings within one run.
     */
    private void restoreThree(List<Integer> ports, String bootstrap, int ingestPort) throws Exception {
        List<ServiceProcess> serving = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            deleteRecursively(dir.resolve("state-serving-" + i));
        }
        long start = System.nanoTime();
        try {
            startInstances(ports, bootstrap, serving);
            waitFor("every serving instance ready", Duration.ofHours(3), () -> ports.stream().allMatch(this::ready));
            log("restore: %d instances with empty state directories (standby replicas included) all ready %.1f s after their start",
                    ports.size(), secondsSince(start));
            log("%s (before the three instances' steps)", MachineState.describe());
            measureThree(ports, serving, ingestPort);
        } finally {
            stopInstances(serving);
        }
    }

    /** Starts {@code serving-0}, {@code serving-1}, ... on the given ports into {@code started}, as they start. */
    private void startInstances(List<Integer> ports, String bootstrap, List<ServiceProcess> started) {
        for (int i = 0; i < ports.size(); i++) {
            started.add(serving("serving-" + i, ports.get(i), bootstrap));
            pids.put("serving-" + i, started.get(i).pid());
        }
    }

    /** Stops the instances {@link #startInstances} started (again is harmless) and drops them from the CPU accounting. */
    private void stopInstances(List<ServiceProcess> started) {
        started.forEach(ServiceProcess::close);
        for (int i = 0; i < started.size(); i++) {
            pids.remove("serving-" + i);
        }
    }

    private void measureThree(List<Integer> ports, List<ServiceProcess> serving, int ingestPort) throws Exception {
        Random random = new Random(17);
        UserSweep sweep = new UserSweep(http);
        List<String> sample = sample(Integer.getInteger("routingUsers", 20_000), random);
        long routingStart = System.nanoTime();
        UserSweep.Routing routing = sweep.routing(sample, ports);
        log("routing: %d users asked at each of %d instances in %.0f s: %d answers not 200 of %d; owners disagree for %d users;"
                + " users by owner %s", sample.size(), ports.size(), secondsSince(routingStart), routing.failed(), routing.asked(),
                routing.ownersDisagree(), routing.usersByOwner());
        storeBytes(List.of("serving-0", "serving-1", "serving-2"));
        heaps(serving);

        ScaleLoadProcess load = ScaleLoadProcess.start(dir, "load-three", ports, users);
        // Freshness is sampled during the measured phase (after the load's warm-up), under the load.
        awaitMeasured(load, 0);
        java.util.concurrent.CompletableFuture<String> cpu = cpuOfMeasuredLoad(load);
        long[] fresh = new Freshness(http, "http://localhost:" + ingestPort, KEY)
                .measure(Integer.getInteger("freshness", 100), users, ports, random);
        log("%s", load.awaitResult());
        log("%s (three instances; freshness posts ratings meanwhile)", cpu.join());
        logFreshness(fresh, "three instances");
        heaps(serving);
        failover(ports, serving, routing, random);
    }

    private void logFreshness(long[] fresh, String where) {
        long[] changed = java.util.Arrays.stream(fresh).filter(x -> x >= 0).toArray();
        log("freshness (rating posted → list changed), %d samples during the load (%s): %d did not change within 30 s or failed;"
                + " of the others p50 %d ms, p99 %d ms, max %d ms", fresh.length, where, fresh.length - changed.length,
                pct(changed, 50), pct(changed, 99), changed.length == 0 ? -1 : changed[changed.length - 1]);
    }

    private void failover(List<Integer> ports, List<ServiceProcess> serving, UserSweep.Routing routing, Random random) throws Exception {
        int victim = ports.size() - 1;
        String victimAddress = "localhost:" + ports.get(victim);
        List<Integer> survivors = ports.subList(0, victim);
        int each = Integer.getInteger("failoverUsers", 3000) / 2;
        List<String> owned = new ArrayList<>(routing.ownerOfUser().entrySet().stream().filter(e -> e.getValue().equals(victimAddress))
                .map(Map.Entry::getKey).limit(each).toList());
        List<String> checked = new ArrayList<>(owned);
        routing.ownerOfUser().entrySet().stream().filter(e -> !e.getValue().equals(victimAddress)).map(Map.Entry::getKey).limit(each)
                .forEach(checked::add);
        java.util.Collections.shuffle(checked, random);
        // The load goes to the survivors only: a load balancer takes a killed instance out at once.
        ScaleLoadProcess load = ScaleLoadProcess.start(dir, "load-failover", survivors, users, 60, 0);
        awaitMeasured(load, 20);
        Map<String, Long> after = new java.util.LinkedHashMap<>(pids);
        after.remove("serving-" + victim);
        after.put("load", load.pid());
        java.util.concurrent.CompletableFuture<String> cpu = CpuShares.start(after).reportAfter(Duration.ofSeconds(30));
        long killedAt = System.nanoTime();
        serving.get(victim).kill();
        log("killed %s (SIGKILL) 20 s into a 60 s load against the two others", victimAddress);
        long windowEnd = killedAt + FAILOVER_WINDOW.toNanos();
        Map<String, java.util.concurrent.atomic.AtomicLong> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, long[]> times = new UserSweep(http).untilDeadline(checked, survivors, killedAt + TimeUnit.SECONDS.toNanos(30),
                windowEnd, statuses);
        long lastFailure = times.values().stream().mapToLong(t -> t[0]).max().orElse(Long.MIN_VALUE);
        long failedAfterWindow = times.values().stream().filter(t -> t[0] > windowEnd).count();
        long neverAnsweredAfterWindow = checked.stream().filter(u -> !times.containsKey(u) || times.get(u)[1] <= windowEnd).count();
        long victimUsersFailedEver = owned.stream().filter(u -> times.containsKey(u) && times.get(u)[0] != Long.MIN_VALUE).count();
        log("failover: %d users checked (%d owned by the killed instance) at the survivors for 30 s after the kill;"
                        + " last failure %s; users failing after the %d s window %d; users not answered 200 after the window %d;"
                        + " killed instance's users that failed at any time %d", checked.size(), owned.size(),
                lastFailure == Long.MIN_VALUE ? "none" : String.format("%.1f s after the kill", (lastFailure - killedAt) / 1e9),
                FAILOVER_WINDOW.toSeconds(), failedAfterWindow, neverAnsweredAfterWindow, victimUsersFailedEver);
        log("failover answers by status (-1: no answer; 503 with 'computing ... lists already' in the logs is load shedding): %s",
                statuses);
        log("%s (errorSeconds count from the load's start; the kill was at second 20)", load.awaitResult());
        log("%s (the 30 s after the kill)", cpu.join());
    }

    private void restoreAndBaseline(String bootstrap, int ingestPort) throws Exception {
        int port = ServiceProcess.freePort();
        long start = System.nanoTime();
        try (ServiceProcess fresh = serving("serving-fresh", port, bootstrap, jvmOptions("baselineJvm"))) {
            waitFor("the fresh instance ready", Duration.ofHours(3), () -> ready(port));
            log("restore: one instance with an empty state directory, the only one of the application, ready %.1f s after its start",
                    secondsSince(start));
            storeBytes(List.of("serving-fresh"));
            heaps(List.of(fresh));
            pids.put("serving-fresh", fresh.pid());
            log("%s (before the single instance's load)", MachineState.describe());
            ScaleLoadProcess load = ScaleLoadProcess.start(dir, "load-one", List.of(port), users);
            awaitMeasured(load, 0);
            java.util.concurrent.CompletableFuture<String> cpu = cpuOfMeasuredLoad(load);
            log("%s (single instance)", load.awaitResult());
            log("%s (single instance)", cpu.join());
            String metrics = metrics(port);
            log("server-side time of those requests, warm-up included (the instance's own timer, before the response is written): %s",
                    serverSideLatency(metrics));
            log("share of the catalogue the first pass read per list, by model (reelfm_serving_scan_share): %s", scanShare(metrics));
            heaps(List.of(fresh));
            // Freshness under the same load, in a second load of its own: its polls (one request every
            // 5 ms while a sample waits) would otherwise count in the latency measured above.
            ScaleLoadProcess again = ScaleLoadProcess.start(dir, "load-one-freshness", List.of(port), users);
            awaitMeasured(again, 0);
            long[] freshness = new Freshness(http, "http://localhost:" + ingestPort, KEY)
                    .measure(Integer.getInteger("freshness", 100), users, List.of(port), new Random(23));
            log("%s (single instance, freshness posted meanwhile)", again.awaitResult());
            logFreshness(freshness, "single instance");
        }
    }

    /** Every process's CPU time from now (the load's measured phase has begun) to a second before the load ends. */
    private java.util.concurrent.CompletableFuture<String> cpuOfMeasuredLoad(ScaleLoadProcess load) {
        Map<String, Long> all = new java.util.LinkedHashMap<>(pids);
        all.put("load", load.pid());
        return CpuShares.start(all).reportAfter(Duration.ofSeconds(Math.max(1, Integer.getInteger("seconds", 60) - 1)));
    }

    /** Waits until the load generator has been in its measured phase for {@code seconds}. */
    private static void awaitMeasured(ScaleLoadProcess load, int seconds) {
        org.awaitility.Awaitility.await("the load measured for " + seconds + " s")
                .atMost(Duration.ofSeconds(Integer.getInteger("warmup", 60) + seconds + 120))
                .pollInterval(Duration.ofMillis(200)).until(() -> load.secondsMeasuring() >= seconds);
    }

    /**
     * The share of recommendation requests the instance itself answered within each bucket of its
     * request timer ({@code http_server_requests_seconds_bucket}): set against the load
     * generator's figures it tells time inside the handler from time queued or descheduled.
     */
    private static String serverSideLatency(String metrics) {
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        java.util.regex.Pattern le = java.util.regex.Pattern.compile("le=\"([^\"]+)\"\\}\\s+(\\S+)");
        for (String line : metrics.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_bucket") && line.contains("recommendations")
                    && line.contains("status=\"200\"")) {
                java.util.regex.Matcher m = le.matcher(line);
                if (m.find() && !m.group(1).equals("+Inf")) {
                    buckets.merge(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double::sum);
                }
            }
        }
        double total = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                        && l.contains("recommendations") && l.contains("status=\"200\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "%.0f requests", total));
        buckets.forEach((bound, count) -> out.append(String.format(java.util.Locale.ROOT, ", <= %.0f ms %.2f %%",
                bound * 1000, total == 0 ? 0 : 100 * count / total)));
        return out.toString();
    }

    /** The instance's {@code reelfm_serving_scan_share} gauge per model, from its /metrics. */
    private static String scanShare(String metrics) {
        return String.join(", ", metrics.lines().filter(l -> l.startsWith("reelfm_serving_scan_share")).toList());
    }

    /** The instance's /metrics page. */
    private String metrics(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private ServiceProcess serving(String name, int port, String bootstrap) {
        return serving(name, port, bootstrap, jvmOptions("servingJvm").stream().map(o -> o.replace("{name}", name)).toList());
    }

    /** The JVM options in a system property, split at spaces; none when it is unset. */
    private static List<String> withOptions(List<String> base, String property) {
        List<String> all = new ArrayList<>(base);
        all.addAll(jvmOptions(property));
        return all;
    }

    static List<String> jvmOptions(String property) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private ServiceProcess serving(String name, int port, String bootstrap, List<String> extraJvm) {
        Map<String, String> env = new HashMap<>();
        env.put("REELFM_SERVING_STATE_DIR", dir.resolve("state-" + name).toString());
        env.put("REELFM_SERVING_APPLICATION_ID", APP);
        env.put("REELFM_API_KEYS", "scale:" + KEY);
        for (String pair : jvmOptions("servingEnv")) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (MODELS != null) {
            // Only the trainer's models: each variant serves one of them, and the optional models are off unless listed.
            List<String> models = List.of(MODELS.split(","));
            env.put("REELFM_SERVING_VARIANTS", models.stream().filter(m -> !m.contains("kmeans")).map(m -> m + ":" + m + ":1")
                    .collect(java.util.stream.Collectors.joining(",")));
            env.put("REELFM_SERVING_RATING_MODEL", models.contains("fm-mcmc") ? "fm-mcmc" : "none");
            env.put("REELFM_SERVING_CLUSTER_MODEL", models.contains("content-kmeans") ? "content-kmeans" : "none");
        }
        // A fixed heap: grown only to ~570 MB by G1's default sizing, the old generation's threshold for
        // a concurrent cycle sat below the 230 MB live set, and cycles ran back to back (pauses of 9-32 ms)
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Xms1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.reelfm.schemas"));
        jvm.addAll(extraJvm);
        return ServiceProcess.start(name, jvm, List.of("serving", "--port", String.valueOf(port), "--bootstrap-servers", bootstrap),
                env, dir);
    }

    /** The state directories of the running instances: bytes in all, and per user per copy (active plus standby). */
    private void storeBytes(List<String> instances) throws IOException {
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (String name : instances) {
            long bytes = du(dir.resolve("state-" + name));
            total += bytes;
            each.append(' ').append(name).append('=').append(bytes >> 20).append(" MiB");
        }
        int copies = instances.size() > 1 ? 2 : 1;
        log("state directories:%s; total %d MiB = %.0f bytes per user, %.0f per user per copy (%d cop%s of each task)", each,
                total >> 20, (double) total / users, (double) total / users / copies, copies, copies == 1 ? "y" : "ies");
    }

    private static long du(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private void heaps(List<ServiceProcess> instances) {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess p : instances) {
            if (p.alive()) {
                out.append(' ').append(HeapAfterGc.mib(p.pid())).append(" MiB");
            }
        }
        log("heap after a full collection per instance:%s", out);
    }

    private List<String> sample(int n, Random random) {
        if (n >= users) {
            return java.util.stream.IntStream.rangeClosed(1, users).mapToObj(String::valueOf).toList();
        }
        return random.ints(1, users + 1).distinct().limit(n).mapToObj(String::valueOf).toList();
    }

    private boolean ready(int port) {
        return ServiceProcess.httpStatus(http, port, "/health/ready") == 200;
    }

    private boolean firstFitsDone(int trainerPort) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + trainerPort + "/status"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return false;
            }
            for (JsonNode model : Json.mapper().readTree(r.body()).get("training")) {
                if (model.isNull()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitFor(String what, Duration atMost, BooleanSupplier condition) {
        long start = System.nanoTime();
        long[] nextNote = {start + TimeUnit.MINUTES.toNanos(1)};
        org.awaitility.Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (System.nanoTime() > nextNote[0]) {
                log("still waiting for %s (%.0f s)", what, secondsSince(start));
                nextNote[0] += TimeUnit.MINUTES.toNanos(1);
            }
            return condition.getAsBoolean();
        });
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100) - 1)];
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void log(String format, Object... args) {
        System.out.printf("[%6.0f s] %s%n", secondsSince(t0), String.format(java.util.Locale.ROOT, format, args));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
