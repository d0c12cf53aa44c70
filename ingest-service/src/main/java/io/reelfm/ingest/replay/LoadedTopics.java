package io.reelfm.ingest.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.reelfm.schemas.Topics;

/**
 * Whether a Kafka already holds ratings, so that a loader run again on a kept stack (the compose
 * stack's {@code docker compose up} after {@code down}) does not replay the data set a second
 * time: repeats would be dropped downstream by event id, but the topic would double and the
 * trainer would see new offsets and fit again.
 */
public final class LoadedTopics {

    private LoadedTopics() {
    }

    /** Offsets written to the ratings topic over all partitions (records and transaction markers); 0 when it does not exist. */
    public static long ratingsWritten(String bootstrapServers) throws InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            TopicDescription d = admin.describeTopics(java.util.List.of(Topics.RATINGS.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.RATINGS.name());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            d.partitions().forEach(part -> latest.put(new TopicPartition(d.name(), part.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new ReplayException("cannot read the ratings topic's offsets at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new ReplayException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        }
    }
}
