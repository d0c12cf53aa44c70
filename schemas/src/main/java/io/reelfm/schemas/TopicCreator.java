package io.reelfm.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service needs if they are missing, and returns only once the broker
 * accepts writes to every partition it created. Existing topics are left alone, so several
 * services may run this at start in any order.
 *
 * <p>Why wait after creation: in KRaft, creation returns once the controller committed it,
 * possibly before the leader broker has applied it. An idempotent producer with several requests
 * in flight can then have its first batch refused ({@code NOT_LEADER_OR_FOLLOWER}) while a later
 * batch is appended; every retry of the first then fails with an out-of-order sequence until the
 * delivery timeout drops its records (KAFKA-15591). Writing only after the leader answers a
 * ListOffsets request for each partition — served by the same replica state as a produce —
 * closes that window.
 */
public final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /**
     * @param replicationFactor replicas per partition; 1 on a single broker
     * @return the names of the topics this call created
     */
    public static List<String> ensure(String bootstrapServers, Collection<Topic<?, ?>> topics,
                                      short replicationFactor, Duration timeout) {
        return ensure(bootstrapServers, Map.of(), topics, replicationFactor, timeout);
    }

    /**
     * @param clientProperties extra admin client settings (TLS, SASL) passed through unchanged
     * @return the names of the topics this call created
     */
    public static List<String> ensure(String bootstrapServers, Map<String, String> clientProperties,
                                      Collection<Topic<?, ?>> topics, short replicationFactor, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(topic.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (NewTopic t : missing) {
                try {
                    admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(t.name());
                    log.info("Created topic {} ({} partitions)", t.name(), t.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + t.name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitWritable(admin, created, deadline);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrapServers + " to create topics: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the leader of every partition of {@code topics} serves requests, for writers of
     * topics another process may have just created.
     *
     * @throws IllegalStateException when some partition still refuses after {@code timeout}
     */
    public static void awaitWritable(String bootstrapServers, Collection<String> topics, Duration timeout) {
        awaitWritable(bootstrapServers, Map.of(), topics, timeout);
    }

    /** As {@link #awaitWritable(String, Collection, Duration)}, with extra admin client settings (TLS, SASL). */
    public static void awaitWritable(String bootstrapServers, Map<String, String> clientProperties,
                                     Collection<String> topics, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            awaitWritable(admin, topics, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for partition leaders of " + topics, e);
        }
    }

    private static void awaitWritable(Admin admin, Collection<String> topics, long deadline) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                described.values().forEach(d -> d.partitions().forEach(
                        p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        throw new IllegalStateException("Partitions of " + topics + " still have no serving leader"
                + (last == null ? "" : ": " + last.getMessage()), last);
    }
}
