package io.reelfm.launcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.reelfm.datasets.MovieLens100k;

/**
 * Finds the MovieLens 100K copy for tests: {@code REELFM_ML100K} when set (a wrong path fails
 * the test), else {@code ../shared/data/movielens/ml-100k} beside the repository; absent, the
 * test is skipped.
 */
public final class Ml100k {

    private Ml100k() {
    }

    static Path locateOrSkip() {
        java.util.Optional<Path> found = find();
        assumeTrue(found.isPresent(), "MovieLens 100K not found; set REELFM_ML100K to run this test");
        return found.get();
    }

    /** The copy, if there is one; a wrong {@code REELFM_ML100K} fails the test. */
    public static java.util.Optional<Path> find() {
        String configured = System.getenv("REELFM_ML100K");
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            assertThat(MovieLens100k.isPresent(dir))
                    .as("REELFM_ML100K=%s must point at a MovieLens 100K directory (u.data, u.item, u.user)", configured)
                    .isTrue();
            return java.util.Optional.of(dir.toAbsolutePath().normalize());
        }
        for (Path candidate : List.of(Path.of("../shared/data/movielens/ml-100k"), Path.of("../../shared/data/movielens/ml-100k"))) {
            if (Files.isDirectory(candidate) && MovieLens100k.isPresent(candidate)) {
                return java.util.Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return java.util.Optional.empty();
    }
}
