package io.reelfm.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RatingEventsTest {

    private static RatingEvent.Builder event() {
        return RatingEvent.newBuilder().setEventId("e").setUserId("u").setItemId("i").setRating(4f)
                .setTimestamp(Instant.parse("2026-01-01T00:00:00Z")).setSource("test");
    }

    @Test
    void anEventWithIdsAFiniteRatingAndATimestampIsUsable() {
        assertThat(RatingEvents.usable(event().build())).isTrue();
    }

    @Test
    void emptyIdsAndNonFiniteOrNonPositiveRatingsAreNot() {
        assertThat(RatingEvents.usable(event().setItemId("").build())).isFalse();
        assertThat(RatingEvents.usable(event().setUserId("").build())).isFalse();
        assertThat(RatingEvents.usable(event().setRating(Float.NaN).build())).isFalse();
        assertThat(RatingEvents.usable(event().setRating(Float.POSITIVE_INFINITY).build())).isFalse();
        assertThat(RatingEvents.usable(event().setRating(0f).build())).isFalse();
        assertThat(RatingEvents.usable(event().setRating(-1f).build())).isFalse();
        assertThat(RatingEvents.usable(null)).isFalse();
    }
}
