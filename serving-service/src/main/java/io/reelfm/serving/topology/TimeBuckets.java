package io.reelfm.serving.topology;

import java.util.Arrays;

/**
 * Event counts in a hopping window kept as a ring of fixed-width time buckets: a window of
 * {@code n} buckets advancing one bucket at a time (e.g. 1 h in 12 buckets of 5 min). Bounded
 * memory per item whatever the traffic, and exact at bucket granularity. Events older than the
 * ring are ignored; a newer event rolls the ring forward and clears the buckets it skips.
 * Mutable; owned by one aggregate value at a time.
 */
public final class TimeBuckets {

    private final long bucketMillis;
    private final long[] counts;
    private long newestBucket;

    public TimeBuckets(long bucketMillis, int buckets) {
        this(bucketMillis, new long[buckets], Long.MIN_VALUE);
    }

    TimeBuckets(long bucketMillis, long[] counts, long newestBucket) {
        if (bucketMillis < 1 || counts.length < 1) {
            throw new IllegalArgumentException("bucketMillis and buckets must be positive");
        }
        this.bucketMillis = bucketMillis;
        this.counts = counts;
        this.newestBucket = newestBucket;
    }

    public void add(long timestamp) {
        long b = Math.floorDiv(timestamp, bucketMillis);
        int n = counts.length;
        if (newestBucket == Long.MIN_VALUE) {
            newestBucket = b;
        } else if (b > newestBucket) {
            long skipped = Math.min(n, b - newestBucket);
            for (long j = 1; j <= skipped; j++) {
                counts[(int) Math.floorMod(newestBucket + j, (long) n)] = 0;
            }
            newestBucket = b;
        } else if (b <= newestBucket - n) {
            return;
        }
        counts[(int) Math.floorMod(b, (long) n)]++;
    }

    /** Events in the window that ends with the bucket containing {@code now}. */
    public long countAt(long now) {
        if (newestBucket == Long.MIN_VALUE) {
            return 0;
        }
        long nowBucket = Math.floorDiv(now, bucketMillis);
        int n = counts.length;
        long sum = 0;
        for (long b = nowBucket - n + 1; b <= nowBucket; b++) {
            if (b <= newestBucket && b > newestBucket - n) {
                sum += counts[(int) Math.floorMod(b, (long) n)];
            }
        }
        return sum;
    }

    public long windowMillis() {
        return bucketMillis * counts.length;
    }

    long bucketMillis() {
        return bucketMillis;
    }

    long[] rawCounts() {
        return counts;
    }

    long newestBucket() {
        return newestBucket;
    }

    TimeBuckets copy() {
        return new TimeBuckets(bucketMillis, Arrays.copyOf(counts, counts.length), newestBucket);
    }
}
