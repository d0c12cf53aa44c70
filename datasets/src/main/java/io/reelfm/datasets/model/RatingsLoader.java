package io.reelfm.datasets.model;

import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.datasets.movielens.MovieLens100k;

import java.nio.file.Path;

/**
 * Bridges the MovieLens reader to the core's columnar ratings. A malformed
 * line fails the load with the file, line number and reason: silently training on a partial
 * file would make accuracy figures meaningless.
 */
public final class RatingsLoader {

    private RatingsLoader() {
    }

    /** Appends every rating of a {@code u.data}-format file to {@code into}. @return rows read */
    public static long read(Path file, RatingSetBuilder into) {
        return MovieLens100k.readRatings(file,
                row -> into.add(row.userId(), row.itemId(), row.rating(), row.timestampMillis()),
                bad -> {
                    throw new IllegalArgumentException("bad rating line: " + bad);
                });
    }
}
