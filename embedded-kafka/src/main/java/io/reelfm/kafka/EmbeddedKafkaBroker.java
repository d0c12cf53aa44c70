package io.reelfm.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A single-node Kafka broker running in this JVM in KRaft mode (combined broker and
 * controller), built from Apache Kafka's own server artifacts. It is a real broker speaking
 * the real protocol on a real port: the all-in-one {@code reelfm demo} and the integration
 * tests both run on it.
 *
 * <p>The data directory keeps a fixed cluster id in {@code cluster.id}, so a broker restarted
 * on the same directory finds its topics again; a temporary directory is deleted on close.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, boolean temporary, int port, int controllerPort, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * @param port      client port; 0 picks a free one
     * @param dataDir   where logs live; null makes a temporary directory deleted on close
     * @param overrides extra broker properties
     */
    public static EmbeddedKafkaBroker create(int port, Path dataDir, Map<String, String> overrides) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("reelfm-kafka-") : dataDir;
            Files.createDirectories(dir);
            int[] ports = port == 0 ? FreePorts.distinct(2) : new int[] {port, FreePorts.otherThan(port)};
            return new EmbeddedKafkaBroker(dir, temporary, ports[0], ports[1], overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data directory", e);
        }
    }

    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        Map<String, String> props = brokerProperties();
        format(props);
        KafkaRaftServer raft = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        raft.startup();
        server = raft;
        awaitReady(Duration.ofSeconds(60));
        CoordinatorWarmUp.run(bootstrapServers(), Duration.ofSeconds(60));
        log.info("Kafka broker ready at {} in {} ms (data in {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return this;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker; its data stays unless the directory is temporary. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private Map<String, String> brokerProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("metadata.log.dir", dataDir.resolve("metadata").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "false");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(cleanerKeyMapBytes(Runtime.getRuntime().maxMemory())));
        p.putAll(overrides);
        return p;
    }

    /**
     * Memory of the log cleaner's key map ({@code log.cleaner.dedupe.buffer.size}) for a JVM with
     * {@code maxHeap} bytes of heap: an eighth of it, between 16 MiB and Kafka's own default of
     * 128 MiB. A cleaning pass takes in only as many distinct keys as the map holds (24 bytes each
     * at 90 % load: about 630,000 in 16 MiB), and every pass rewrites the partition's whole log, so
     * a changelog partition with millions of distinct keys (serving's event ids at 25M ratings)
     * under a small map is rewritten pass after pass: the cleaner was half of the broker's CPU in
     * such a catch-up. The floor keeps test JVMs with small heaps as they were.
     */
    static long cleanerKeyMapBytes(long maxHeap) {
        return Math.max(16L << 20, Math.min(128L << 20, maxHeap / 8));
    }

    private void format(Map<String, String> props) {
        try {
            Path propsFile = dataDir.resolve("server.properties");
            Properties fileProps = new Properties();
            fileProps.putAll(props);
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                fileProps.store(out, "ReelFM embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc;
            try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(new String[] {"format", "-t", clusterId(), "-c", propsFile.toString(),
                        "--standalone", "--ignore-formatted"}, print);
            }
            if (rc != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka storage in " + dataDir, e);
        }
    }

    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private void awaitReady(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker did not become ready within " + timeout, e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker did not become ready within " + timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Cannot delete {}", p, e);
                }
            });
        } catch (IOException e) {
            log.warn("Cannot delete Kafka data directory {}", dir, e);
        }
    }
}
