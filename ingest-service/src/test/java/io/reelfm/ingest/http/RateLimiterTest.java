package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aKeyMayWriteOneSecondsWorthAtOnceThenItsRate() {
        RateLimiter limiter = new RateLimiter(100, now::get);

        assertThat(limiter.acquire("producer", 60)).isZero();
        assertThat(limiter.acquire("producer", 40)).isZero();
        assertThat(limiter.acquire("producer", 10)).isEqualTo(1);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(limiter.acquire("producer", 10)).isZero();
    }

    @Test
    void keysHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(10, now::get);

        assertThat(limiter.acquire("a", 10)).isZero();
        assertThat(limiter.acquire("a", 1)).isPositive();
        assertThat(limiter.acquire("b", 10)).isZero();
    }

    @Test
    void aBatchLargerThanTheBucketPassesWhenFullAndLeavesADebt() {
        RateLimiter limiter = new RateLimiter(100, now::get);

        assertThat(limiter.acquire("bulk", 500)).isZero();
        long wait = limiter.acquire("bulk", 1);
        assertThat(wait).isBetween(4L, 6L);

        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(limiter.acquire("bulk", 1)).isZero();
    }

    @Test
    void zeroRateMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, now::get);

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("k", 10_000)).isZero();
        }
    }
}
