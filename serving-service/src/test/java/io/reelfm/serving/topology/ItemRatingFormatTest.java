package io.reelfm.serving.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;

class ItemRatingFormatTest {

    private static RatingEvent event(Map<String, String> context) {
        return RatingEvent.newBuilder().setEventId("e-1").setUserId("u7").setItemId("Amélie 映画").setRating(3.5f)
                .setTimestamp(Instant.ofEpochMilli(1_234_567_890_123L)).setSource("api").setContext(context).build();
    }

    @Test
    void roundTripsItemRatingTimeAndSegments() {
        ItemRating r = ItemRating.of(event(null), List.of("gender:F", "age:25-34"));
        ItemRating back = ItemRating.fromBytes(r.toBytes());
        assertThat(back).isEqualTo(r);
        assertThat(back.itemId()).isEqualTo("Amélie 映画");
        assertThat(back.rating()).isEqualTo(3.5f);
        assertThat(back.timestamp()).isEqualTo(1_234_567_890_123L);
        assertThat(back.segments()).containsExactly("gender:F", "age:25-34");
    }

    @Test
    void isAFractionOfTheWholeEventsBytes() {
        RatingEvent e = RatingEvent.newBuilder().setEventId(java.util.UUID.randomUUID().toString()).setUserId("u123456")
                .setItemId("tt0114709").setRating(4f).setTimestamp(Instant.ofEpochMilli(1_234_567_890_123L)).setSource("api")
                .setContext(Map.of("device", "tv")).build();
        byte[] whole = Topics.RATINGS.valueSerde().serializer().serialize("ratings", e);
        byte[] part = ItemRating.of(e, List.of()).toBytes();
        assertThat(part.length).isLessThan(whole.length / 2);
    }

    @Test
    void readsWholeEventsWrittenByEarlierVersionsWithTheirCarriedSegments() {
        byte[] old = Topics.RATINGS.valueSerde().serializer().serialize("ratings",
                event(Map.of(ItemRating.LEGACY_SEGMENTS_KEY, "gender:M,occupation:artist", "device", "tv")));
        ItemRating r = ItemRating.fromBytes(old);
        assertThat(r.itemId()).isEqualTo("Amélie 映画");
        assertThat(r.rating()).isEqualTo(3.5f);
        assertThat(r.timestamp()).isEqualTo(1_234_567_890_123L);
        assertThat(r.segments()).containsExactly("gender:M", "occupation:artist");
        assertThat(ItemRating.fromBytes(Topics.RATINGS.valueSerde().serializer().serialize("ratings", event(null))).segments())
                .isEmpty();
    }

    @Test
    void bytesCutShortOrWithTrailingBytesAreASerializationError() {
        byte[] bytes = ItemRating.of(event(null), List.of("gender:F")).toBytes();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> ItemRating.fromBytes(shorter)).as("cut at %d of %d", cut, bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> ItemRating.fromBytes(longer)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("left over");
    }
}
