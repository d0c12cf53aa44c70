package io.reelfm.serving.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.service.config.KafkaClientProperties;
import io.reelfm.service.lifecycle.BackgroundProbe;

/**
 * How far this instance's active tasks are behind their input: for every source partition of
 * an active task, the last stable offset (what a read_committed reader can see) minus the
 * offset the application committed. This is what "caught up" means for readiness: a store is
 * queryable as soon as it is restored, while the ratings behind it may still be being
 * processed, and answers from it would look complete but be wrong.
 *
 * <p>Measured in the background every {@link #INTERVAL} through an admin client (the Streams
 * client itself only knows the end of partitions it has fetched records from); readiness reads
 * the last measurement and treats one older than {@link #MAX_AGE} as unknown.
 */
public final class StreamsLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsLag.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final String applicationId;
    private final Admin admin;
    private final ScheduledExecutorService probe = BackgroundProbe.thread("streams-lag");
    private volatile Measurement last;

    /** The records behind, and when that was measured. */
    public record Measurement(long lag, long atNanos) {
    }

    public StreamsLag(String bootstrapServers, KafkaClientProperties client, String applicationId) {
        this.applicationId = applicationId;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationId + "-lag");
        this.admin = Admin.create(client.applyTo(p));
    }

    public void start(KafkaStreams streams) {
        probe.scheduleWithFixedDelay(() -> measure(streams), 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The lag if measured within {@link #MAX_AGE}, else {@code -1}. */
    public long lag() {
        Measurement m = last;
        if (m == null || System.nanoTime() - m.atNanos() > MAX_AGE.toNanos()) {
            return -1;
        }
        return m.lag();
    }

    private void measure(KafkaStreams streams) {
        try {
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return;
            }
            Set<TopicPartition> partitions = new HashSet<>();
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    partitions.addAll(task.topicPartitions());
                }
            }
            last = new Measurement(lagOf(partitions), System.nanoTime());
        } catch (RuntimeException e) {
            log.debug("Could not measure the input lag: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("Could not measure the input lag: {}", e.toString());
        }
    }

    private long lagOf(Set<TopicPartition> partitions)
            throws InterruptedException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest)
                .all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : partitions) {
            ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
            if (end == null) {
                continue;
            }
            // Nothing committed yet: processing starts at the log start (retention may have moved it).
            OffsetAndMetadata c = committed.get(tp);
            ListOffsetsResult.ListOffsetsResultInfo start = starts.get(tp);
            long from = c != null ? c.offset() : start == null ? 0 : start.offset();
            lag += Math.max(0, end.offset() - from);
        }
        return lag;
    }

    @Override
    public void close() {
        probe.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
