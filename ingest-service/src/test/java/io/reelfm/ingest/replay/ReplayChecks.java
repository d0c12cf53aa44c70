package io.reelfm.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;

/** Per-test topics on the shared broker and the properties every replay must have. */
final class ReplayChecks {

    private ReplayChecks() {
    }

    record TestTopics(Topic<String, RatingEvent> ratings, Topic<String, Movie> movies, Topic<String, UserProfile> users) {
        static TestTopics unique(String prefix) {
            String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            return new TestTopics(renamed(Topics.RATINGS, run), renamed(Topics.MOVIES, run), renamed(Topics.USERS, run));
        }
    }

    static <K, V> Topic<K, V> renamed(Topic<K, V> topic, String run) {
        return new Topic<>(topic.name() + "-" + run, topic.keySerde(), topic.valueSerde(), topic.partitions(), topic.configs());
    }

    /** No duplicate event id, each record keyed by its user, timestamps non-decreasing within each partition. */
    static void assertDistinctKeyedAndTimeOrderedPerPartition(List<ConsumerRecord<String, RatingEvent>> records) {
        Set<String> ids = new HashSet<>();
        Map<Integer, Long> lastTimestamp = new HashMap<>();
        for (ConsumerRecord<String, RatingEvent> r : records) {
            RatingEvent e = r.value();
            assertThat(ids.add(e.getEventId())).as("duplicate event id %s", e.getEventId()).isTrue();
            assertThat(r.key()).isEqualTo(e.getUserId());
            assertThat(e.getSource()).isEqualTo(Events.SOURCE);
            long ts = e.getTimestamp().toEpochMilli();
            Long previous = lastTimestamp.put(r.partition(), ts);
            if (previous != null) {
                assertThat(ts).as("partition %d offset %d goes back in time", r.partition(), r.offset())
                        .isGreaterThanOrEqualTo(previous);
            }
        }
    }
}
