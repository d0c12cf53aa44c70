package io.reelfm.trainer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventIdFilterTest {

    @Test
    void secondSightingOfAnIdIsADuplicate() {
        EventIdFilter f = new EventIdFilter(100);
        assertThat(f.firstTime("e-1")).isTrue();
        assertThat(f.firstTime("e-2")).isTrue();
        assertThat(f.firstTime("e-1")).isFalse();
    }

    @Test
    void remembersAtLeastCapacityIdsThenForgetsTheOldest() {
        EventIdFilter f = new EventIdFilter(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(f.firstTime("e-" + i)).isTrue();
        }
        for (int i = 1000; i < 2000; i++) {
            f.firstTime("e-" + i);
        }
        assertThat(f.firstTime("e-1500")).isFalse();
        assertThat(f.firstTime("e-999")).isFalse();
        for (int i = 2000; i < 3001; i++) {
            f.firstTime("e-" + i);
        }
        assertThat(f.firstTime("e-5")).isTrue();
    }

    @Test
    void rejectsTinyCapacityNamingTheSetting() {
        assertThatThrownBy(() -> new EventIdFilter(3)).hasMessageContaining("dedupe capacity");
    }
}
