package io.reelfm.ingest.replay;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.reelfm.datasets.BadLine;

/**
 * What a replay published: counts per topic, the lines it skipped, and how fast it went.
 *
 * @param ratingsElapsed time spent publishing ratings only (after reading and sorting them)
 */
public record ReplaySummary(String dataset, long movies, long users, long ratings, long badLines,
                            List<BadLine> firstBadLines, Duration elapsed, Duration ratingsElapsed) {

    public ReplaySummary {
        firstBadLines = List.copyOf(firstBadLines);
    }

    public long events() {
        return movies + users + ratings;
    }

    /** All events over the whole run, reading and sorting included. */
    public double eventsPerSecond() {
        return perSecond(events(), elapsed);
    }

    /** Ratings over the rating phase alone: the producer's throughput. */
    public double ratingsPerSecond() {
        return perSecond(ratings, ratingsElapsed);
    }

    private static double perSecond(long count, Duration d) {
        long nanos = Math.max(1, d.toNanos());
        return count * 1e9 / nanos;
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Replayed %s: %,d movies, %,d users, %,d ratings (%,d bad lines skipped)%n",
                dataset, movies, users, ratings, badLines));
        out.append(String.format(Locale.ROOT, "Elapsed %.2f s, %,.0f events/s overall; ratings phase %.2f s, %,.0f ratings/s%n",
                elapsed.toNanos() / 1e9, eventsPerSecond(), ratingsElapsed.toNanos() / 1e9, ratingsPerSecond()));
        for (BadLine bad : firstBadLines.subList(0, Math.min(10, firstBadLines.size()))) {
            out.append("  skipped ").append(bad).append(System.lineSeparator());
        }
        return out.toString();
    }
}
