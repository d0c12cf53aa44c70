package io.reelfm.serving.popular;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value computed from a whole store and shared by every request thread until it expires: at
 * least {@link #minLifetimeNanos}, or {@link #lifetimePerBuild} times as long as computing it
 * took, so rebuilding costs at most 1/{@code lifetimePerBuild} of one thread however large the
 * store. One thread rebuilds at a time while the others keep reading the expired copy: every
 * request thread building its own copy at once held a copy per thread and ran a 1 GB instance
 * out of heap under load.
 */
final class SharedCopy<T> {

    private final Supplier<T> build;
    private final LongSupplier nanoClock;
    private final long minLifetimeNanos;
    private final int lifetimePerBuild;
    private final AtomicLong builds;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Object rebuild = new Object();
    private volatile Entry<T> cached;

    /** @param builds counts every build (shared by the copies of one ranker) */
    SharedCopy(Supplier<T> build, LongSupplier nanoClock, long minLifetimeNanos, int lifetimePerBuild, AtomicLong builds) {
        this.build = build;
        this.nanoClock = nanoClock;
        this.minLifetimeNanos = minLifetimeNanos;
        this.lifetimePerBuild = lifetimePerBuild;
        this.builds = builds;
    }

    T get() {
        Entry<T> s = cached;
        if (s != null && s.fresh(nanoClock.getAsLong())) {
            return s.value();
        }
        if (s != null && !rebuilding.compareAndSet(false, true)) {
            return s.value();
        }
        try {
            synchronized (rebuild) {
                Entry<T> again = cached;
                if (again != null && again != s && again.fresh(nanoClock.getAsLong())) {
                    return again.value();
                }
                long start = nanoClock.getAsLong();
                T value = build.get();
                long now = nanoClock.getAsLong();
                cached = new Entry<>(value, now, Math.max(minLifetimeNanos, lifetimePerBuild * (now - start)));
                builds.incrementAndGet();
                return value;
            }
        } finally {
            if (s != null) {
                rebuilding.set(false);
            }
        }
    }

    private record Entry<T>(T value, long atNanos, long lifetimeNanos) {
        boolean fresh(long nowNanos) {
            return nowNanos - atNanos < lifetimeNanos;
        }
    }
}
