package io.reelfm.datasets.download;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.reelfm.datasets.movielens.MovieLens100k;

/**
 * Where a local copy of MovieLens 100K is, for the tests, benchmarks and tools that use it when it
 * is there: the one rule, so every module looks in the same places in the same order.
 * <ol>
 *   <li>{@value #ENV}, when set (a directory without the files is an error, not a skip);</li>
 *   <li>the download cache that {@code ./reelfm data download movielens-100k} and the demo fill
 *       ({@code $REELFM_DATASET_CACHE}, else {@code ~/.cache/reelfm/datasets});</li>
 *   <li>{@code shared/data/movielens/ml-100k} in the working directory or any directory above it.</li>
 * </ol>
 */
public final class MovieLens100kLocation {

    public static final String ENV = "REELFM_ML100K";

    /** What a skipped test says. */
    public static final String HOW_TO_GET_IT = "MovieLens 100K not found: run ./reelfm data download movielens-100k"
            + " (or set " + ENV + " to a copy)";

    private MovieLens100kLocation() {
    }

    /**
     * The copy, if there is one.
     *
     * @throws IllegalStateException when {@value #ENV} names a directory without the files
     */
    public static Optional<Path> find() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!MovieLens100k.isPresent(dir)) {
                throw new IllegalStateException(ENV + "=" + configured + " does not hold u.data, u.item and u.user");
            }
            return Optional.of(dir.toAbsolutePath().normalize());
        }
        Path cached = DownloadConfig.defaults().cacheDir().resolve("movielens-100k").resolve("ml-100k");
        if (Files.isDirectory(cached) && MovieLens100k.isPresent(cached)) {
            return Optional.of(cached.toAbsolutePath().normalize());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/movielens/ml-100k");
            if (Files.isDirectory(candidate) && MovieLens100k.isPresent(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
