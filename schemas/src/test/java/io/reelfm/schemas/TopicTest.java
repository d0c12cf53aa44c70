package io.reelfm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TopicTest {

    private static final RatingEvent RATING = RatingEvent.newBuilder().setEventId("e1").setUserId("u1").setItemId("i1")
            .setRating(4.5f).setTimestamp(Instant.parse("2026-01-01T00:00:00Z")).setSource("test").build();

    @Test
    void aRecordDecodesBackToItsKeyAndValue() {
        ProducerRecord<byte[], byte[]> r = Topics.RATINGS.record("u1", RATING);

        assertThat(r.topic()).isEqualTo("ratings");
        assertThat(Topics.RATINGS.decodeKey(r.key())).isEqualTo("u1");
        assertThat(Topics.RATINGS.decodeValue(r.value())).isEqualTo(RATING);
    }

    @Test
    void aNullValueIsATombstoneBothWays() {
        ProducerRecord<byte[], byte[]> r = Topics.MOVIES.record("42", null);

        assertThat(r.value()).isNull();
        assertThat(Topics.MOVIES.decodeValue(null)).isNull();
    }

    @Test
    void bytesOfAnotherFormatAreRefusedAsSerializationErrors() {
        assertThatThrownBy(() -> Topics.RATINGS.decodeValue("garbage".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}
