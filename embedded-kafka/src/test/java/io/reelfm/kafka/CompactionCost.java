package io.reelfm.kafka;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * What compacting a changelog of distinct keys costs the broker, by the size of the cleaner's key
 * map: one partition compacted as serving's store changelogs are (64 MiB segments, cleaning from a
 * fifth of dirty records) receives {@code records} distinct event-id keys with 8-byte values (the
 * deduplication store's records), then the cleaner is left to finish; the figure is the CPU time of
 * the broker's cleaner threads. A map too small for the dirty keys makes the cleaner take them a
 * map-full at a time, rewriting the whole log each time.
 *
 * <pre>
 * java -cp ... io.reelfm.kafka.CompactionCost &lt;records&gt; &lt;key map MiB&gt;
 * </pre>
 */
public final class CompactionCost {

    private static final String TOPIC = "changelog";

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        long mapBytes = Long.parseLong(args[1]) << 20;
        Path dir = Files.createTempDirectory("compaction-cost");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(0, dir, Map.of(
                "log.cleaner.dedupe.buffer.size", String.valueOf(mapBytes),
                "log.cleaner.backoff.ms", "1000")).start()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1).configs(Map.of(
                        "cleanup.policy", "compact",
                        "segment.bytes", String.valueOf(64 * 1024 * 1024),
                        "min.cleanable.dirty.ratio", "0.2")))).all().get();
            }
            long started = System.nanoTime();
            produce(broker.bootstrapServers(), records);
            double produced = (System.nanoTime() - started) / 1e9;
            long cpu = awaitCleanerIdle(Duration.ofSeconds(20));
            double total = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT records=%d keyMapMiB=%d produced=%.1fs cleanerCpu=%.1fs untilIdle=%.0fs"
                            + " cleanerCpuPerMillion=%.2fs logBytes=%d%n",
                    records, mapBytes >> 20, produced, cpu / 1e9, total, cpu / 1e9 / (records / 1e6), logBytes(dir));
        }
    }

    private static void produce(String bootstrap, long records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                byte[] key = ("synthetic:u" + (i % 162_000) + ":m" + (i % 62_000) + ":" + (1_577_836_800_000L + i * 60_000))
                        .getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(TOPIC, key, ByteBuffer.allocate(8).putLong(i).array()));
            }
            producer.flush();
        }
    }

    /** The cleaner threads' CPU time once it has not grown for {@code quiet} (at most an hour's wait). */
    private static long awaitCleanerIdle(Duration quiet) {
        long[] last = {cleanerCpu()};
        long[] changedAt = {System.nanoTime()};
        Awaitility.await("the log cleaner idle for " + quiet).atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long now = cleanerCpu();
                    if (now - last[0] > 10_000_000L) {
                        changedAt[0] = System.nanoTime();
                    }
                    last[0] = now;
                    return System.nanoTime() - changedAt[0] >= quiet.toNanos();
                });
        return last[0];
    }

    private static long cleanerCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("kafka-log-cleaner-thread")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static long logBytes(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().contains(TOPIC + "-0") && f.toString().endsWith(".log"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
