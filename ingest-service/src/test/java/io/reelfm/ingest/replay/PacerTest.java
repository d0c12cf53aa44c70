package io.reelfm.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PacerTest {

    /** A clock that only moves when the pacer waits, recording each wait. */
    private static final class FakeTime {
        long now = 1_000_000_000L;
        final List<Long> waits = new ArrayList<>();

        Pacer pacer(Pacing pacing) {
            return new Pacer(pacing, () -> now, nanos -> {
                waits.add(nanos);
                now += nanos;
            });
        }
    }

    @Test
    void fixedRateSpacesEventsEvenly() {
        Pacing pacing = Pacing.perSecond(500);
        assertThat(pacing.dueNanos(0, 0)).isZero();
        assertThat(pacing.dueNanos(1, 0)).isEqualTo(2_000_000L);
        assertThat(pacing.dueNanos(500, 0)).isEqualTo(1_000_000_000L);
    }

    @Test
    void fiveHundredPerSecondTakesOneSecondPerFiveHundredEvents() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pacing.perSecond(500));
        long start = time.now;
        for (int i = 0; i <= 1000; i++) {
            pacer.awaitTurn(i, 0);
        }
        assertThat(time.now - start).isEqualTo(2_000_000_000L);
        assertThat(time.waits).hasSize(1000).allMatch(w -> w == 2_000_000L);
    }

    @Test
    void lateEventsAreSentAtOnceSoTheAverageRateCatchesUp() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pacing.perSecond(100));
        pacer.awaitTurn(0, 0);
        time.now += 50_000_000L; // the producer stalled for 50 ms: five events' worth
        for (int i = 1; i <= 5; i++) {
            pacer.awaitTurn(i, 0);
        }
        assertThat(time.waits).isEmpty();
        pacer.awaitTurn(6, 0);
        assertThat(time.waits).containsExactly(10_000_000L);
    }

    @Test
    void speedupReplaysEventTimeCompressed() throws InterruptedException {
        long first = 881_250_949_000L;
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pacing.eventTime(3600, first));
        long start = time.now;
        pacer.awaitTurn(0, first);
        pacer.awaitTurn(1, first + 3_600_000L);   // one hour later: one second at x3600
        assertThat(time.now - start).isEqualTo(1_000_000_000L);
        pacer.awaitTurn(2, first + 3_600_000L);   // same instant: no wait
        pacer.awaitTurn(3, first + 5_400_000L);   // 30 more minutes: half a second
        assertThat(time.now - start).isEqualTo(1_500_000_000L);
    }

    @Test
    void unlimitedNeverReadsTheClockNorWaits() throws InterruptedException {
        Pacer pacer = new Pacer(Pacing.unlimitedRate(), () -> {
            throw new AssertionError("clock read");
        }, nanos -> {
            throw new AssertionError("waited");
        });
        for (int i = 0; i < 1000; i++) {
            pacer.awaitTurn(i, i);
        }
        assertThat(Pacing.unlimitedRate().dueNanos(10, 10)).isZero();
    }

    @Test
    void nonPositiveRatesAndSpeedupsAreRejected() {
        assertThatThrownBy(() -> Pacing.perSecond(0)).hasMessageContaining("rate must be a positive");
        assertThatThrownBy(() -> Pacing.eventTime(-1, 0)).hasMessageContaining("speedup must be a positive");
    }
}
