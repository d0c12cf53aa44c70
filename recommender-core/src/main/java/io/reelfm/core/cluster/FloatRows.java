package io.reelfm.core.cluster;

/**
 * Checks and flattens row matrices given as {@code float[][]}, the exchange format of the
 * clustering, PCA and kNN APIs (callers hold small catalogues as arrays; the math wants one
 * contiguous row-major block for BLAS and cache-friendly loops).
 */
public final class FloatRows {

    private FloatRows() {
    }

    /** Row-major copy of {@code rows}; rejects empty, ragged or non-finite input naming the cell. */
    public static float[] flatten(float[][] rows, String name) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + " has no columns");
        }
        float[] flat = new float[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != d) {
                throw new IllegalArgumentException(name + "[" + r + "] has " + rows[r].length + " columns, expected " + d);
            }
            for (int c = 0; c < d; c++) {
                float v = rows[r][c];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(name + "[" + r + "][" + c + "] is not finite: " + v);
                }
                flat[r * d + c] = v;
            }
        }
        return flat;
    }

    /** Squared Euclidean norm of each row of a flat row-major matrix. */
    public static float[] squaredNorms(float[] flat, int rows, int cols) {
        float[] norms = new float[rows];
        for (int r = 0; r < rows; r++) {
            float s = 0;
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                s += flat[base + c] * flat[base + c];
            }
            norms[r] = s;
        }
        return norms;
    }

    static float squaredDistance(float[] a, int aRow, float[] b, int bRow, int d) {
        float s = 0;
        int ai = aRow * d;
        int bi = bRow * d;
        for (int c = 0; c < d; c++) {
            float diff = a[ai + c] - b[bi + c];
            s += diff * diff;
        }
        return s;
    }
}
