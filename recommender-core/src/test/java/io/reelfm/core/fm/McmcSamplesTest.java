package io.reelfm.core.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class McmcSamplesTest {

    @Test
    void aSetTheRowSamplesCoverDrawsTheConfiguredCount() {
        assertThat(McmcSamples.DEFAULT.forRows(100, 90_000)).as("MovieLens 100K's training fold").isEqualTo(100);
        assertThat(McmcSamples.DEFAULT.forRows(100, 1_000_000)).as("MovieLens 1M").isEqualTo(100);
        assertThat(McmcSamples.DEFAULT.forRows(100, 0)).isEqualTo(100);
    }

    @Test
    void aLargerSetDrawsFewerSamplesInProportionButNeverFewerThanTheFloor() {
        McmcSamples rule = new McmcSamples(1_000_000, 8);
        assertThat(rule.forRows(100, 10_000)).isEqualTo(100);
        assertThat(rule.forRows(100, 20_000)).isEqualTo(50);
        assertThat(rule.forRows(100, 40_000)).isEqualTo(25);
        assertThat(rule.forRows(100, 1_000_000)).isEqualTo(8);
        assertThat(rule.forRows(5, 1_000_000)).as("a count below the floor is kept").isEqualTo(5);
    }

    @Test
    void theTrainersRuleKeepsTheChainOfA25MSetShort() {
        int samples = McmcSamples.DEFAULT.forRows(100, 25_000_000);
        assertThat(samples).isLessThan(100).isGreaterThanOrEqualTo(McmcSamples.DEFAULT.minSamples());
        assertThat((long) samples * 25_000_000).isLessThanOrEqualTo(McmcSamples.DEFAULT.rowSamples());
    }

    @Test
    void nonsenseIsRejected() {
        assertThatThrownBy(() -> new McmcSamples(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new McmcSamples(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McmcSamples.DEFAULT.forRows(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
