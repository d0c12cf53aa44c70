package io.reelfm.launcher.replay;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Waits until every partition of some topics has a leader. In KRaft a topic creation returns
 * once the controller has committed it, possibly before the broker has taken leadership; an
 * idempotent producer that writes at that moment gets {@code NOT_LEADER_OR_FOLLOWER}, and on a
 * loaded machine its retries can end in out-of-order-sequence errors and expired batches.
 * Replays write to topics they may have just created, so they wait here first.
 */
public final class TopicLeaders {

    private TopicLeaders() {
    }

    /** @throws IllegalStateException when some partition still has no leader after {@code timeout} */
    public static void await(String bootstrapServers, Collection<String> topics, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                            .get(5, TimeUnit.SECONDS);
                    boolean ready = described.values().stream().allMatch(d -> d.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                    if (ready) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Cannot describe topics " + topics + " at " + bootstrapServers
                                + ": " + e.getMessage(), e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics " + topics + " still have partitions without a leader after " + timeout);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for partition leaders of " + topics, e);
        }
    }
}
