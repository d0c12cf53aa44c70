package io.reelfm.core.retrieval;

import java.util.Random;

/** Seeded random vectors for the retrieval tests. */
final class RandomVectors {

    private RandomVectors() {
    }

    /** {@code n} draws from N(0, scale²). */
    static float[] gaussian(Random r, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * scale);
        }
        return a;
    }
}
