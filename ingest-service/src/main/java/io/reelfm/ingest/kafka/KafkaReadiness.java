package io.reelfm.ingest.kafka;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.ingest.IngestConfig;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.service.http.Readiness;

/**
 * Ingest is ready when Kafka answers and the ratings, movies and users topics exist. Missing
 * topics are created at start; if Kafka is down then, the service still starts (answering 503
 * on writes and "not ready" here) and creates them on the first readiness check that reaches
 * Kafka, so start order between Kafka and ingest does not matter.
 */
public final class KafkaReadiness implements Readiness, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReadiness.class);

    private final IngestConfig config;
    private final List<Topic<?, ?>> topics = Topics.ingestTopics();
    private final Admin admin;
    private volatile boolean topicsEnsured;

    public KafkaReadiness(IngestConfig config) {
        this.config = config;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.adminTimeout().toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.adminTimeout().toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "reelfm-ingest-readiness");
        this.admin = Admin.create(props);
    }

    /** Creates missing topics if configured to; a failure is logged, not thrown, and retried by {@link #check()}. */
    public boolean ensureTopics() {
        if (topicsEnsured || !config.createTopics()) {
            return true;
        }
        try {
            TopicCreator.ensure(config.bootstrapServers(), topics, config.replicationFactor(), config.adminTimeout());
            topicsEnsured = true;
            return true;
        } catch (IllegalStateException e) {
            log.warn("Cannot create topics at {} yet: {}", config.bootstrapServers(), e.getMessage());
            return false;
        }
    }

    @Override
    public Status check() {
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
        admin.close(config.adminTimeout());
    }
}
