package io.reelfm.ingest.replay;

/**
 * When each rating of a replay is due, relative to the start of the rating phase. Keeping the
 * schedule a pure function of (position, event time) makes it testable without a clock and
 * keeps the average rate exact: a late event is sent at once and the following ones catch up,
 * instead of every delay adding up.
 */
public interface Pacing {

    /**
     * @param position        0-based position of the rating in time order
     * @param eventTimeMillis the rating's own timestamp
     * @return nanoseconds after the start at which it may be sent; 0 means at once
     */
    long dueNanos(long position, long eventTimeMillis);

    /** True when no event ever waits, so the replay can skip the clock entirely. */
    default boolean unlimited() {
        return false;
    }

    /** As fast as the producer goes. */
    static Pacing unlimitedRate() {
        return new Pacing() {
            @Override
            public long dueNanos(long position, long eventTimeMillis) {
                return 0;
            }

            @Override
            public boolean unlimited() {
                return true;
            }

            @Override
            public String toString() {
                return "max";
            }
        };
    }

    /** A fixed number of events per second. */
    static Pacing perSecond(double eventsPerSecond) {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of events per second, was " + eventsPerSecond);
        }
        double nanosPerEvent = 1e9 / eventsPerSecond;
        return new Pacing() {
            @Override
            public long dueNanos(long position, long eventTimeMillis) {
                return (long) (position * nanosPerEvent);
            }

            @Override
            public String toString() {
                return RateLimit.format(eventsPerSecond) + "/s";
            }
        };
    }

    /**
     * The data set's own timing, compressed {@code speedup} times: with speedup 3600 an hour of
     * original activity replays in a second.
     *
     * @param firstEventMillis timestamp of the first rating in time order
     */
    static Pacing eventTime(double speedup, long firstEventMillis) {
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("speedup must be a positive number, was " + speedup);
        }
        return new Pacing() {
            @Override
            public long dueNanos(long position, long eventTimeMillis) {
                long sinceFirst = Math.max(0, eventTimeMillis - firstEventMillis);
                return (long) (sinceFirst * 1e6 / speedup);
            }

            @Override
            public String toString() {
                return "x" + RateLimit.format(speedup) + " event time";
            }
        };
    }
}
