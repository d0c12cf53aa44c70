package io.reelfm.datasets.movielens;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

import io.reelfm.datasets.download.MovieLens100kLocation;

/** The real MovieLens 100K copy where {@link MovieLens100kLocation} finds one; absent, the test is skipped. */
final class Ml100kCopy {

    private Ml100kCopy() {
    }

    static Path locateOrSkip() {
        Optional<Path> found = MovieLens100kLocation.find();
        assumeTrue(found.isPresent(), MovieLens100kLocation.HOW_TO_GET_IT);
        return found.get();
    }
}
