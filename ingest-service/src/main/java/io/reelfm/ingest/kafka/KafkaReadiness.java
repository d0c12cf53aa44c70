package io.reelfm.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.service.http.Readiness;
import io.reelfm.service.lifecycle.BackgroundProbe;

/**
 * Ingest is ready when Kafka answers and the ratings, movies and users topics exist. Missing
 * topics are created at start; if Kafka is down then, the service still starts (answering 503
 * on writes and "not ready" here) and creates them on the first probe that reaches Kafka, so
 * start order between Kafka and ingest does not matter.
 *
 * <p>Kafka is probed in the background every {@link #PROBE_INTERVAL} with the admin timeout,
 * and {@link #check()} answers from the last probe at once: an orchestrator's short probe
 * timeout is never spent waiting for an unreachable broker, and readiness follows Kafka's
 * reachability within {@code PROBE_INTERVAL + admin-timeout}. A probe that has not finished
 * for longer than that bound counts as Kafka being unreachable.
 */
public final class KafkaReadiness implements Readiness, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReadiness.class);

    /** Time between the end of one probe and the start of the next. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

    private final IngestConfig config;
    private final List<Topic<?, ?>> topics = Topics.ingestTopics();
    private final Admin admin;
    private final ScheduledExecutorService prober = BackgroundProbe.thread("kafka-readiness");
    private volatile boolean topicsEnsured;
    private volatile Probe last = new Probe(Status.down("Kafka has not been checked yet"), System.nanoTime());

    private record Probe(Status status, long atNanos) {
    }

    public KafkaReadiness(IngestConfig config) {
        this.config = config;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.adminTimeout().toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.adminTimeout().toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "reelfm-ingest-readiness");
        this.admin = Admin.create(config.kafkaClient().applyTo(props));
    }

    /** Creates missing topics if configured to; a failure is logged, not thrown, and retried by {@link #check()}. */
    private boolean ensureTopics() {
        if (topicsEnsured || !config.createTopics()) {
            return true;
        }
        try {
            TopicCreator.ensure(config.bootstrapServers(), config.kafkaClient().values(), topics, config.replicationFactor(),
                    config.adminTimeout());
            topicsEnsured = true;
            return true;
        } catch (IllegalStateException e) {
            log.warn("Cannot create topics at {} yet: {}", config.bootstrapServers(), e.getMessage());
            return false;
        }
    }

    /** Probes once now (so the first answer is real), then keeps probing in the background. */
    public KafkaReadiness start() {
        probe();
        prober.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void probe() {
        Status status;
        try {
            status = probeNow();
        } catch (RuntimeException e) {
            status = Status.down("Kafka check failed: " + e);
        }
        if (status.ready() != last.status().ready()) {
            log.info("Kafka at {} is {}", config.bootstrapServers(), status.ready() ? "reachable again" : "not ready: " + status.detail());
        }
        last = new Probe(status, System.nanoTime());
    }

    /** The last probe's answer, or down if probing has stalled beyond its bound. */
    @Override
    public Status check() {
        Probe p = last;
        long ageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.atNanos());
        long bound = PROBE_INTERVAL.toMillis() + config.adminTimeout().toMillis() + 1_000;
        if (ageMillis > bound) {
            return Status.down("Kafka at " + config.bootstrapServers() + " has not answered for " + ageMillis + " ms");
        }
        return p.status();
    }

    private Status probeNow() {
        if (!ensureTopics()) {
            return Status.down("Kafka at " + config.bootstrapServers() + " is unreachable or topics cannot be created");
        }
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().timeoutMs((int) config.adminTimeout().toMillis()))
                    .names().get(config.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = topics.stream().map(Topic::name).filter(n -> !names.contains(n)).toList();
            return missing.isEmpty() ? Status.up() : Status.down("missing topics " + missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.down("interrupted while checking Kafka");
        } catch (ExecutionException | TimeoutException e) {
            return Status.down("Kafka at " + config.bootstrapServers() + " is unreachable: " + e);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        admin.close(config.adminTimeout());
    }
}
