package io.reelfm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingScaleTest {

    @Test
    void stepsCountFromTheMinimum() {
        RatingScale scale = new RatingScale(1, 10, 3);

        assertThat(scale.accepts(1)).isTrue();
        assertThat(scale.accepts(4)).isTrue();
        assertThat(scale.accepts(10)).isTrue();
        assertThat(scale.accepts(3)).isFalse();
    }

    @Test
    void nonFiniteRatingsAreNeverAccepted() {
        assertThat(RatingScale.DEFAULT.accepts(Double.NaN)).isFalse();
        assertThat(RatingScale.DEFAULT.accepts(Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void invertedBoundsAreRefused() {
        assertThatThrownBy(() -> new RatingScale(5, 1, 0.5)).hasMessageContaining("min (5.0) must be below max (1.0)");
    }

    @Test
    void aScaleReachingZeroIsRefused() {
        assertThatThrownBy(() -> new RatingScale(0, 5, 1)).hasMessageContaining("min must be above 0");
    }

    @Test
    void quantizeGivesTheNearestAllowedRatingInsideTheRange() {
        assertThat(RatingScale.HALF_STARS.quantize(3.3)).isEqualTo(3.5f);
        assertThat(RatingScale.HALF_STARS.quantize(-2)).isEqualTo(0.5f);
        assertThat(RatingScale.WHOLE_STARS.quantize(4.6)).isEqualTo(5f);
        assertThat(RatingScale.WHOLE_STARS.quantize(9)).isEqualTo(5f);
        assertThat(new RatingScale(1, 10, 0).quantize(2.25)).isEqualTo(2.25f);
    }
}
