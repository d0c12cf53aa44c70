package io.reelfm.core.knn;

import io.reelfm.core.cluster.FloatRows;

/**
 * Item vectors scaled to unit length, row-major, so cosine similarity is a plain dot product.
 * Zero vectors (items never trained) stay zero and are similar to nothing (score 0). Immutable.
 */
public final class ItemVectors {

    private final float[] unit;
    private final int n;
    private final int d;

    private ItemVectors(float[] unit, int n, int d) {
        this.unit = unit;
        this.n = n;
        this.d = d;
    }

    public static ItemVectors of(float[][] vectors) {
        return of(FloatRows.flatten(vectors, "vectors"), vectors.length, vectors[0].length);
    }

    /** @param flat row-major n×d vectors (copied) */
    public static ItemVectors of(float[] flat, int n, int d) {
        if (flat.length != n * d) {
            throw new IllegalArgumentException("flat has " + flat.length + " values, expected n*d=" + (n * d));
        }
        float[] unit = flat.clone();
        float[] norms = FloatRows.squaredNorms(unit, n, d);
        for (int i = 0; i < n; i++) {
            if (norms[i] > 0) {
                float inv = (float) (1 / Math.sqrt(norms[i]));
                for (int j = 0; j < d; j++) {
                    unit[i * d + j] *= inv;
                }
            }
        }
        return new ItemVectors(unit, n, d);
    }

    public int size() {
        return n;
    }

    public int dimensions() {
        return d;
    }

    /** The shared backing array; callers must not modify it. */
    float[] unitRows() {
        return unit;
    }
}
