package io.reelfm.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTransactionsOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;

/**
 * Creates the broker's two coordinator topics, {@code __consumer_offsets} and
 * {@code __transaction_state}, one request at a time before anyone else uses the broker.
 *
 * <p>A broker creates them on the first coordinator lookup. When several clients start together
 * (the demo's services, Kafka Streams' exactly-once producers) each lookup asks the controller to
 * create the same topic; all but the first are refused and the broker logs every refusal as a
 * {@code TOPIC_ALREADY_EXISTS} warning. Looking up one unknown group and one unknown transactional
 * id here makes the broker create both topics and load their coordinators, so the later lookups
 * find them ready; nothing is written to either topic.
 */
final class CoordinatorWarmUp {

    private static final String PROBE_ID = "reelfm-embedded-broker-warm-up";

    private CoordinatorWarmUp() {
    }

    static void run(String bootstrapServers, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int millis = (int) timeout.toMillis();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(props)) {
            await(admin.describeConsumerGroups(List.of(PROBE_ID), new DescribeConsumerGroupsOptions().timeoutMs(millis))
                    .all(), GroupIdNotFoundException.class, timeout);
            await(admin.describeTransactions(List.of(PROBE_ID), new DescribeTransactionsOptions().timeoutMs(millis))
                    .all(), TransactionalIdNotFoundException.class, timeout);
        }
    }

    /** Waits for a lookup whose only expected failure is "no such id": the coordinator answered. */
    private static void await(org.apache.kafka.common.KafkaFuture<?> lookup, Class<? extends Throwable> notFound,
                              Duration timeout) {
        try {
            lookup.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!notFound.isInstance(e.getCause())) {
                throw new IllegalStateException("Kafka broker's coordinators did not start", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka broker's coordinators did not start within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka's coordinators", e);
        }
    }
}
