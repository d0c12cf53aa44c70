package io.reelfm.ingest.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key, in rows per second: a key may write one second's worth of rows at
 * once and then its rate. A request larger than the bucket is let through when the bucket is
 * full and leaves it in debt, so a big batch is delayed rather than refused forever. Keys are
 * the configured key names, so the number of buckets is bounded by the configuration.
 */
final class RateLimiter {

    private final double rowsPerSecond;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long atNanos;

        Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }
    }

    /** @param rowsPerSecond 0 disables limiting */
    RateLimiter(double rowsPerSecond, LongSupplier nanoClock) {
        this.rowsPerSecond = rowsPerSecond;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes {@code rows} from the key's bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait before retrying
     */
    long acquire(String key, int rows) {
        if (rowsPerSecond <= 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(rowsPerSecond, now));
        synchronized (b) {
            double elapsed = (now - b.atNanos) / (double) TimeUnit.SECONDS.toNanos(1);
            b.tokens = Math.min(rowsPerSecond, b.tokens + elapsed * rowsPerSecond);
            b.atNanos = now;
            double needed = Math.min(rows, rowsPerSecond);
            if (b.tokens >= needed) {
                b.tokens -= rows;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((needed - b.tokens) / rowsPerSecond));
        }
    }
}
