package io.reelfm.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {

    @Test
    void perSecondSuffixGivesThatRate() {
        assertThat(RateLimit.parse("500/s").eventsPerSecond()).isEqualTo(500.0);
        assertThat(RateLimit.parse(" 2.5 /s ").eventsPerSecond()).isEqualTo(2.5);
        assertThat(RateLimit.parse("1200/sec").eventsPerSecond()).isEqualTo(1200.0);
    }

    @Test
    void bareNumberMeansPerSecond() {
        assertThat(RateLimit.parse("750")).isEqualTo(new RateLimit(750));
    }

    @Test
    void maxInAnyCaseMeansUnlimited() {
        assertThat(RateLimit.parse("max").isMax()).isTrue();
        assertThat(RateLimit.parse("MAX").isMax()).isTrue();
        assertThat(RateLimit.parse("max").pacing().unlimited()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "500/m", "-5/s", "5e3/s", "", "/s", "1,000/s"})
    void malformedRatesAreRejectedQuotingTheValueAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> RateLimit.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a rate")
                .hasMessageContaining("max")
                .hasMessageContaining("500/s");
    }

    @Test
    void zeroRateIsRejectedAsNotPositive() {
        assertThatThrownBy(() -> RateLimit.parse("0/s")).hasMessageContaining("greater than 0");
    }

    @Test
    void printsInTheFormItIsWritten() {
        assertThat(RateLimit.parse("500/s")).hasToString("500/s");
        assertThat(RateLimit.parse("2.5/s")).hasToString("2.5/s");
        assertThat(RateLimit.MAX).hasToString("max");
    }
}
