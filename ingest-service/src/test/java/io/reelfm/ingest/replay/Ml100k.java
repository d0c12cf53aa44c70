package io.reelfm.ingest.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import io.reelfm.datasets.download.MovieLens100kLocation;

/** The MovieLens 100K copy for tests where {@link MovieLens100kLocation} finds one; absent, the test is skipped. */
public final class Ml100k {

    private Ml100k() {
    }

    static Path locateOrSkip() {
        java.util.Optional<Path> found = find();
        assumeTrue(found.isPresent(), MovieLens100kLocation.HOW_TO_GET_IT);
        return found.get();
    }

    /** The copy, if there is one; a wrong {@code REELFM_ML100K} fails the test. */
    public static java.util.Optional<Path> find() {
        return MovieLens100kLocation.find();
    }
}
