package io.reelfm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanerKeyMapTest {

    private static final long MIB = 1L << 20;

    @Test
    void takesAnEighthOfTheHeapBetweenSixteenMibAndKafkasDefault() {
        assertThat(EmbeddedKafkaBroker.cleanerKeyMapBytes(512 * MIB)).isEqualTo(64 * MIB);
        assertThat(EmbeddedKafkaBroker.cleanerKeyMapBytes(64 * MIB)).isEqualTo(16 * MIB);
        assertThat(EmbeddedKafkaBroker.cleanerKeyMapBytes(1024 * MIB)).isEqualTo(128 * MIB);
        assertThat(EmbeddedKafkaBroker.cleanerKeyMapBytes(8192 * MIB)).isEqualTo(128 * MIB);
    }
}
