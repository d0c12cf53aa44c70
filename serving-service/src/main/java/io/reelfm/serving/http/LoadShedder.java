package io.reelfm.serving.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.reelfm.service.http.ApiException;

/**
 * Sheds load instead of queueing it without bound. At most {@code maxInFlight} recommendation
 * lists are computed at once on an instance; a request beyond that waits up to {@code maxWait}
 * for a slot, behind at most {@link #WAITERS_PER_SLOT} × {@code maxInFlight} others, and is
 * otherwise answered 503 with {@code Retry-After}, costing almost nothing.
 *
 * <p>Without a limit, an instance that falls behind (a cold JVM still compiling, a burst larger
 * than its cores) lets every request wait behind the others. The cores then spend their time on
 * requests whose callers have given up, and the JIT compilers starve. A fresh instance given
 * 250 req/s at once on two cores never caught up: it was still at a 9.5 s median when the load
 * went on to 500 req/s. Shedding keeps the accepted requests fast and leaves the rejected
 * ones free to retry, on this instance or on another one behind the same load balancer.
 *
 * <p>The short wait is for stalls rather than overload: a collection pause, or a rebalance after
 * an instance died, holds every slot for a moment while requests keep arriving. Turned away, their
 * callers would wait at least the second of {@code Retry-After}; a slot usually frees within
 * milliseconds. The wait is bounded in time and in waiters, so sustained overload is still shed
 * and waiting requests never tie up the server's threads.
 */
public final class LoadShedder {

    /** Requests allowed to wait, per slot. */
    static final int WAITERS_PER_SLOT = 4;

    private final int maxInFlight;
    private final long maxWaitNanos;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong waited = new AtomicLong();

    /** Sheds at once, without waiting. */
    public LoadShedder(int maxInFlight) {
        this(maxInFlight, Duration.ZERO);
    }

    public LoadShedder(int maxInFlight, Duration maxWait) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        this.maxInFlight = maxInFlight;
        this.maxWaitNanos = maxWait.toNanos();
        this.permits = new Semaphore(maxInFlight);
    }

    /** Runs {@code work} once a slot is free (waiting briefly if need be), else throws a 503 {@link ApiException} without running it. */
    public <T> T call(Supplier<T> work) {
        if (!permits.tryAcquire() && !awaitSlot()) {
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

    private boolean awaitSlot() {
        if (maxWaitNanos == 0) {
            return false;
        }
        if (waiting.incrementAndGet() > WAITERS_PER_SLOT * maxInFlight) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            boolean got = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            if (got) {
                waited.incrementAndGet();
            }
            return got;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Requests turned away since start. */
    public long shedRequests() {
        return shed.get();
    }

    /** Requests that found every slot taken and got one within the wait, since start. */
    public long waitedRequests() {
        return waited.get();
    }

    /** Requests waiting for a slot now. */
    int waitingRequests() {
        return waiting.get();
    }

    public int maxInFlight() {
        return maxInFlight;
    }
}
