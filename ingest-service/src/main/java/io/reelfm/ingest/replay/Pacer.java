package io.reelfm.ingest.replay;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds a replay back until each event is due according to its {@link Pacing}. The clock and
 * the wait are injected so the schedule can be tested without real time passing.
 */
public final class Pacer {

    /** Waits for a number of nanoseconds; the production one parks the thread. */
    @FunctionalInterface
    public interface Waiter {
        void waitNanos(long nanos) throws InterruptedException;
    }

    private final Pacing pacing;
    private final LongSupplier nanoClock;
    private final Waiter waiter;
    private long startNanos;
    private boolean started;

    public Pacer(Pacing pacing, LongSupplier nanoClock, Waiter waiter) {
        this.pacing = pacing;
        this.nanoClock = nanoClock;
        this.waiter = waiter;
    }

    public static Pacer realTime(Pacing pacing) {
        return new Pacer(pacing, System::nanoTime, nanos -> {
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) {
                throw new InterruptedException("replay interrupted");
            }
        });
    }

    /** Blocks until the event at {@code position} is due; the first call starts the schedule. */
    public void awaitTurn(long position, long eventTimeMillis) throws InterruptedException {
        if (pacing.unlimited()) {
            return;
        }
        if (!started) {
            startNanos = nanoClock.getAsLong();
            started = true;
        }
        long due = startNanos + pacing.dueNanos(position, eventTimeMillis);
        long now;
        while ((now = nanoClock.getAsLong()) < due) {
            waiter.waitNanos(due - now);
        }
    }
}
