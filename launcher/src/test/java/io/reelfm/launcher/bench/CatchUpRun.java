package io.reelfm.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.reelfm.launcher.faults.ServiceProcess;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;

/**
 * How fast one serving instance takes in a backlog of ratings, and what each rating costs it and
 * the broker in CPU: the figure that decides how long a large data set takes to reach serving.
 * {@code reelfm broker} and one {@code serving} instance run as their own processes; a generated
 * set is replayed first (or, with {@code -DreuseBroker=true}, the broker's data from an earlier run
 * is used as it is). The instance starts with an empty state directory under a new application id,
 * so it reads every rating from the start; it is caught up when its committed offsets reach the end
 * of {@code ratings} and of its by-item repartition topic (within one transaction marker a
 * partition). Every 30 s it logs both offsets' progress; at the end, ratings per second and the CPU
 * milliseconds per rating of the instance and of the broker. No trainer runs: the catch-up alone.
 *
 * <pre>
 * java -cp ... io.reelfm.launcher.bench.CatchUpRun &lt;users&gt; &lt;movies&gt; &lt;ratings&gt; &lt;work dir&gt;
 * </pre>
 * System properties: {@code replayHeap} (2g), {@code servingJvm} and {@code servingEnv} as in
 * {@link ScaleRun}, {@code reuseBroker}.
 */
public final class CatchUpRun {

    private final Path dir;
    private final long t0 = System.nanoTime();

    private CatchUpRun(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[3]);
        Files.createDirectories(dir);
        new CatchUpRun(dir).run(args[0], args[1], args[2]);
        System.exit(0);
    }

    private void run(String users, String movies, String ratings) throws Exception {
        int kafkaPort = ServiceProcess.freePort();
        String bootstrap = "localhost:" + kafkaPort;
        log("started %s; work dir %s", Instant.now(), dir);
        log("%s", MachineState.describe());
        try (ServiceProcess broker = ServiceProcess.start("broker", List.of("-Xmx1g"), List.of("broker", "--port",
                String.valueOf(kafkaPort), "--data-dir", dir.resolve("kafka").toString()), Map.of(), dir);
             Admin admin = Admin.create(adminProps(bootstrap))) {
            org.awaitility.Awaitility.await("the broker").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        TopicCreator.ensure(bootstrap, Topics.pipelineTopics(), (short) 1, Duration.ofSeconds(5));
                        return true;
                    });
            if (!Boolean.getBoolean("reuseBroker")) {
                long replayStart = System.nanoTime();
                ServiceProcess replay = ServiceProcess.start("replay", List.of("-Xmx" + System.getProperty("replayHeap", "2g")),
                        List.of("replay", "--bootstrap-servers", bootstrap, "--no-progress", "--no-imdb", "--synthetic",
                                "--synthetic-users", users, "--synthetic-movies", movies, "--synthetic-ratings", ratings,
                                "--synthetic-scale", "half"), Map.of(), dir);
                int exit = replay.awaitExit(Duration.ofHours(2));
                log("replay exited %d after %.0f s", exit, secondsSince(replayStart));
            }
            List<TopicPartition> ratingPartitions = partitions(Topics.RATINGS.name(), Topics.RATINGS.partitions());
            long total = sum(ends(admin, ratingPartitions));
            log("ratings topic: %d records", total);

            String app = "catch-up-" + System.currentTimeMillis();
            List<TopicPartition> byItem = partitions(app + "-ratings-by-item-repartition", Topics.RATINGS.partitions());
            long brokerCpuBefore = cpuNanos(broker.pid());
            long start = System.nanoTime();
            try (ServiceProcess serving = serving(app, bootstrap)) {
                long lastLog = start;
                long[] lastCounts = {0, 0};
                long doneAt = 0;
                while (doneAt == 0) {
                    TimeUnit.SECONDS.sleep(2);
                    if (!serving.alive()) {
                        throw new IllegalStateException("the serving instance exited:\n" + serving.output());
                    }
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
                            .partitionsToOffsetAndMetadata().get();
                    long takenIn = committedSum(committed, ratingPartitions);
                    long byItemDone = committedSum(committed, byItem);
                    long byItemEnd = committed.keySet().stream().anyMatch(byItem::contains) ? sum(ends(admin, byItem)) : -1;
                    boolean caughtUp = takenIn >= total && byItemEnd >= 0 && byItemEnd - byItemDone <= byItem.size();
                    long now = System.nanoTime();
                    if (caughtUp) {
                        doneAt = now;
                    }
                    if (caughtUp || now - lastLog >= TimeUnit.SECONDS.toNanos(30)) {
                        double interval = (now - lastLog) / 1e9;
                        log("taken in %d of %d ratings (%.0f/s over the last %.0f s); by-item branch %d of %d (%.0f/s)", takenIn, total,
                                (takenIn - lastCounts[0]) / interval, interval, byItemDone, byItemEnd,
                                (byItemDone - lastCounts[1]) / interval);
                        lastLog = now;
                        lastCounts[0] = takenIn;
                        lastCounts[1] = byItemDone;
                    }
                }
                double seconds = (doneAt - start) / 1e9;
                double servingCpu = cpuNanos(serving.pid()) / 1e6;
                double brokerCpu = (cpuNanos(broker.pid()) - brokerCpuBefore) / 1e6;
                log("caught up: %d ratings in %.1f s from the instance's start = %.0f ratings/s; CPU per rating: serving %.3f ms"
                                + " (%.0f s), broker %.3f ms (%.0f s)", total, seconds, total / seconds, servingCpu / total,
                        servingCpu / 1000, brokerCpu / total, brokerCpu / 1000);
                log("state directory %d MiB", du(dir.resolve("state-" + app)) >> 20);
            }
            log("%s", MachineState.describe());
        }
        log("done %s", Instant.now());
    }

    private ServiceProcess serving(String app, String bootstrap) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("REELFM_SERVING_STATE_DIR", dir.resolve("state-" + app).toString());
        env.put("REELFM_SERVING_APPLICATION_ID", app);
        for (String pair : ScaleRun.jvmOptions("servingEnv")) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Xms1g"));
        jvm.addAll(ScaleRun.jvmOptions("servingJvm"));
        return ServiceProcess.start("serving-" + app, jvm, List.of("serving", "--port", String.valueOf(ServiceProcess.freePort()),
                "--bootstrap-servers", bootstrap), env, dir);
    }

    private static Properties adminProps(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    private static List<TopicPartition> partitions(String topic, int n) {
        List<TopicPartition> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TopicPartition(topic, i));
        }
        return out;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new java.util.HashMap<>();
        partitions.forEach(p -> spec.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new java.util.HashMap<>();
        admin.listOffsets(spec).all().get().forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }

    private static long committedSum(Map<TopicPartition, OffsetAndMetadata> committed, List<TopicPartition> partitions) {
        return partitions.stream().map(committed::get).filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static long du(Path p) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private void log(String format, Object... args) {
        System.out.printf("[%6.0f s] %s%n", secondsSince(t0), String.format(java.util.Locale.ROOT, format, args));
    }
}
