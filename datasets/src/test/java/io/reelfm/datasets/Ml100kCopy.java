package io.reelfm.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds the real MovieLens 100K copy: {@code REELFM_ML100K} when set (a wrong path fails the
 * test instead of skipping it), else {@code ../shared/data/movielens/ml-100k} beside the
 * repository, seen from the repository root or the module directory; absent, the test is skipped.
 */
final class Ml100kCopy {

    static final String ENV = "REELFM_ML100K";

    private Ml100kCopy() {
    }

    static Path locateOrSkip() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            assertThat(MovieLens100k.isPresent(dir))
                    .as("%s=%s must point at a MovieLens 100K directory (u.data, u.item, u.user)", ENV, configured)
                    .isTrue();
            return dir;
        }
        for (Path candidate : List.of(Path.of("../shared/data/movielens/ml-100k"),
                Path.of("../../shared/data/movielens/ml-100k"))) {
            if (MovieLens100k.isPresent(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        assumeTrue(false, "MovieLens 100K not found; set " + ENV + " to run this test");
        return null;
    }
}
