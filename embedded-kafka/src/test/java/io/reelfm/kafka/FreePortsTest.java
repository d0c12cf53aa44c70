package io.reelfm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsChosenTogetherAreAllDifferent() throws Exception {
        for (int round = 0; round < 20; round++) {
            int[] ports = FreePorts.distinct(8);
            assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(8);
            assertThat(Arrays.stream(ports).min().getAsInt()).isPositive();
        }
    }
}
