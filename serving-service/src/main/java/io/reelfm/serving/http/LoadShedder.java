package io.reelfm.serving.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.reelfm.service.http.ApiException;

/**
 * Sheds load instead of queueing it. At most {@code maxInFlight} recommendation lists are
 * computed at once on an instance; a request beyond that is answered 503 with
 * {@code Retry-After} at once, costing almost nothing.
 *
 * <p>Without it, an instance that falls behind (a cold JVM still compiling, a burst larger than
 * its cores) lets every request wait behind the others. The cores then spend their time on
 * requests whose callers have given up, and the JIT compilers starve. A fresh instance given
 * 250 req/s at once on two cores never caught up: it was still at a 9.5 s median when the load
 * went on to 500 req/s. Shedding keeps the accepted requests fast and leaves the rejected
 * ones free to retry, on this instance or on another one behind the same load balancer.
 */
public final class LoadShedder {

    private final int maxInFlight;
    private final Semaphore permits;
    private final AtomicLong shed = new AtomicLong();

    public LoadShedder(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    /** Runs {@code work} if a slot is free, else throws a 503 {@link ApiException} without running it. */
    public <T> T call(Supplier<T> work) {
        if (!permits.tryAcquire()) {
            shed.incrementAndGet();
            throw ApiException.unavailable("this instance is computing " + maxInFlight
                    + " recommendation lists already; retry shortly", 1, null);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Requests turned away since start. */
    public long shedRequests() {
        return shed.get();
    }

    public int maxInFlight() {
        return maxInFlight;
    }
}
