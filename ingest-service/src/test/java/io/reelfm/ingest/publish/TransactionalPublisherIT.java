package io.reelfm.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.support.Records;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.SharedKafka;

/**
 * A request's records are one Kafka transaction: when a write fails half-way, records already
 * sent are aborted and never reach read_committed consumers, and the publisher recovers for
 * the next request.
 */
class TransactionalPublisherIT {

    private final String bootstrap = SharedKafka.bootstrapServers();

    @Test
    void failureHalfWayThroughABatchLeavesNothingVisibleToReadCommittedConsumers() throws Exception {
        TopicCreator.ensure(bootstrap, Topics.ingestTopics(), (short) 1, Duration.ofSeconds(30));
        IngestConfig config = IngestConfig.builder().bootstrapServers(bootstrap).producers(1)
                .maxBlock(Duration.ofSeconds(1)).build();
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RatingEvent e = event("u-half-" + i);
            ids.add(e.getEventId());
            batch.add(Topics.RATINGS.record(e.getUserId(), e));
        }
        batch.add(new ProducerRecord<>("no-such-topic-" + UUID.randomUUID(), new byte[] {1}, new byte[] {2}));

        try (TransactionalPublisher publisher = new TransactionalPublisher(config)) {
            assertThatThrownBy(() -> publisher.publish(batch)).isInstanceOf(PublishException.class);

            RatingEvent after = event("u-after");
            publisher.publish(List.of(Topics.RATINGS.record(after.getUserId(), after)));

            assertThat(Records.withIds(bootstrap, Topics.RATINGS, RatingEvent::getEventId, List.of(after.getEventId()))).hasSize(1);
        }
        assertThat(Records.withIds(bootstrap, Topics.RATINGS, RatingEvent::getEventId, ids)).isEmpty();
    }

    private static RatingEvent event(String userId) {
        return RatingEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setUserId(userId).setItemId("m1")
                .setRating(3.5f).setTimestamp(Instant.ofEpochMilli(1_700_000_000_000L)).setSource("api").setContext(null).build();
    }
}
