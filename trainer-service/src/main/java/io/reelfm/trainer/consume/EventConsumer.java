package io.reelfm.trainer.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.DeadLetters;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingEvents;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;
import io.reelfm.trainer.store.TrainingState;

/**
 * Reads {@code ratings}, {@code movies} and {@code users} as one consumer group (read_committed,
 * so aborted ingest transactions never reach training) into a {@link TrainingState}.
 *
 * <p>Where reading starts is decided by the state, not by Kafka: on assignment each partition is
 * positioned at the state's next offset for it, or at the beginning when the state has none
 * (a cold start rebuilds the training set from the topics). Offsets are committed to the group
 * only by {@link #commit}, with offsets of data already in a saved state, so the group's
 * committed offsets never run ahead of what a restart can restore.
 *
 * <p>Poison records (undecodable, or ratings no model can use: see {@code RatingEvents.usable})
 * are dead-lettered, counted and skipped rather than stopping training. Owned by one thread.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final TrainingState state;
    private long recordsRead;
    private long poisonRecords;

    public EventConsumer(String bootstrapServers, String groupId, TrainingState state, Map<String, Object> overrides) {
        this.state = state;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Duration.ofMinutes(30).toMillis()));
        p.putAll(overrides);
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties dlq = new Properties();
        dlq.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        dlq.put(ProducerConfig.ACKS_CONFIG, "all");
        dlq.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        dlq.put(ProducerConfig.CLIENT_ID_CONFIG, "reelfm-trainer-dead-letters");
        // Pass-through settings that also apply to producers (security, above all).
        overrides.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                dlq.put(k, v);
            }
        });
        this.deadLetters = new KafkaProducer<>(dlq, new ByteArraySerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(Topics.RATINGS.name(), Topics.MOVIES.name(), Topics.USERS.name()), new Positioner());
    }

    /** Polls once and applies what arrived; returns how many ratings changed the training set. */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        int changed = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            recordsRead++;
            try {
                changed += apply(r) ? 1 : 0;
            } catch (SerializationException | UnusableRecord e) {
                poisonRecords++;
                log.warn("Poison record {}-{}@{} (undecodable or unusable) sent to {}: {}", r.topic(), r.partition(), r.offset(),
                        Topics.DEAD_LETTERS.name(), e.getMessage());
                deadLetter(r, e);
                state.skip(r.topic(), r.partition(), r.offset());
            }
        }
        if (!records.isEmpty()) {
            state.publishCounts();
        }
        return changed;
    }

    /**
     * Copies the record to the dead-letter topic and waits for the acknowledgement, so that
     * moving the checkpoint past it never loses it; if Kafka refuses, the record is only logged.
     */
    private void deadLetter(ConsumerRecord<byte[], byte[]> r, Exception e) {
        try {
            deadLetters.send(DeadLetters.of(Topics.DEAD_LETTERS.name(), "trainer", r, e)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | KafkaException failure) {
            log.error("Could not dead-letter {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), failure.toString());
        }
    }

    private boolean apply(ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? null : Topics.STRING.deserializer().deserialize(r.topic(), r.key());
        if (r.topic().equals(Topics.RATINGS.name())) {
            if (r.value() == null) {
                return false;
            }
            RatingEvent e = Topics.RATINGS.decodeValue(r.value());
            if (!RatingEvents.usable(e)) {
                // decodes, but no model can use it (an empty id, a NaN rating): poison like any other
                throw new UnusableRecord("rating event " + e.getEventId() + " is not usable (empty id or non-finite rating)");
            }
            return state.applyRating(e, r.topic(), r.partition(), r.offset());
        }
        if (r.topic().equals(Topics.MOVIES.name())) {
            Movie m = Topics.MOVIES.decodeValue(r.value());
            String id = m != null ? m.getItemId() : key;
            if (id != null) {
                state.applyMovie(id, m, r.topic(), r.partition(), r.offset());
            }
            return false;
        }
        UserProfile u = Topics.USERS.decodeValue(r.value());
        String id = u != null ? u.getUserId() : key;
        if (id != null) {
            state.applyProfile(id, u, r.topic(), r.partition(), r.offset());
        }
        return false;
    }

    /** A record that decodes but that no model can use: dead-lettered like one that does not decode. */
    private static final class UnusableRecord extends RuntimeException {
        UnusableRecord(String message) {
            super(message);
        }
    }

    /** Commits the given {@code topic-partition → next offset} map to the group. */
    public void commit(Map<String, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            Long next = offsets.get(TrainingState.partitionKey(tp.topic(), tp.partition()));
            if (next != null) {
                commit.put(tp, new OffsetAndMetadata(next));
            }
        }
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
        }
    }

    /**
     * Records behind the log end (the last stable offset, as read_committed sees it), summed over
     * the assigned partitions: the consumer's own view, no broker round trip. {@code -1} while it is
     * not known, that is before partitions are assigned or while the end of one of them has not been
     * learned yet (before its first fetch): counting those as 0 would make a trainer that has not
     * read anything look caught up.
     */
    public long lag() {
        var assigned = consumer.assignment();
        long lag = 0;
        boolean known = !assigned.isEmpty();
        for (TopicPartition tp : assigned) {
            // asked for every partition: an unknown end makes the consumer request it for next time
            OptionalLong behind = consumer.currentLag(tp);
            if (behind.isPresent()) {
                lag += behind.getAsLong();
            } else {
                known = false;
            }
        }
        return known ? lag : -1;
    }

    /**
     * True when partitions are assigned and each has been read up to its current end (last
     * stable offset, as read_committed sees it). Asks the broker, so call it sparingly.
     */
    public boolean caughtUp() {
        var assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(5));
        for (TopicPartition tp : assigned) {
            if (consumer.position(tp, Duration.ofSeconds(5)) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }

    /** Records read from Kafka by this consumer since it was created, duplicates included. */
    public long recordsRead() {
        return recordsRead;
    }

    public long poisonRecords() {
        return poisonRecords;
    }

    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        deadLetters.close(Duration.ofSeconds(5));
    }

    private final class Positioner implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                Long next = state.offsets().get(TrainingState.partitionKey(tp.topic(), tp.partition()));
                if (next == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, next);
                }
            }
            log.info("Assigned {} partitions; resuming from the training state's offsets", partitions.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }
}
