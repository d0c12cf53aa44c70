package io.reelfm.core.rank;

import io.reelfm.core.linalg.Cholesky;

/**
 * The exact least-squares solution for one row of an implicit model with the other side fixed:
 * {@code (a0 G + sum_j c_j y_j y_j^T + ridge I) x = sum_j c_j y_j}, where G is the other side's
 * Gramian. It is the trainer's last user pass and serving's per-event fold-in, the same
 * arithmetic in both, so a user folded in from their own interactions gets the vector the
 * trainer stored. O(n k^2 + k^3): tens of microseconds at k = 64.
 */
public final class ImplicitFoldIn {

    private ImplicitFoldIn() {
    }

    /**
     * @param rows       the other side's vectors, row-major ({@code rows[j * k + f]})
     * @param k          factors
     * @param gram       {@code G = sum_j y_j y_j^T} over every row of the other side (k x k, row-major)
     * @param columns    the rows this one interacted with (indices into {@code rows}; -1 entries are skipped)
     * @param weights    their confidences c_j
     * @param prior      weighting and regularisation
     * @param otherSide  number of rows of the other side (the catalogue size when folding in a user)
     * @return the row's vector (length k); zeros when no column is usable
     */
    public static float[] solve(float[] rows, int k, double[] gram, int[] columns, float[] weights, ImplicitPrior prior,
                                int otherSide) {
        return solve(rows, k, gram, columns, weights, prior, otherSide, null);
    }

    /**
     * The same row solve with the ridge centred on a prior mean m instead of the origin:
     * {@code (a0 G + sum_j c_j y_j y_j^T + ridge I) x = sum_j c_j y_j + ridge m}, the row step of
     * {@link AttributeAls}, where m is the sum of the row's attribute embeddings. A row with no
     * usable column still gets the exact minimiser {@code ridge (a0 G + ridge I)^-1 m}: the
     * unobserved-cell term applies to it as to every row, so m itself is not the optimum.
     *
     * @param mean the prior mean (length k), or null for the origin (then a row without columns is zero)
     */
    public static float[] solve(float[] rows, int k, double[] gram, int[] columns, float[] weights, ImplicitPrior prior,
                                int otherSide, float[] mean) {
        double[] a = normalMatrix(k * k);
        double[] b = new double[k];
        int used = accumulate(rows, k, columns, weights, a, b);
        float[] out = new float[k];
        if (used == 0 && isZero(mean)) {
            return out;
        }
        double a0 = prior.unobservedWeight();
        double ridge = prior.ridge(used, otherSide);
        for (int f = 0; f < k; f++) {
            int row = f * k;
            for (int g = 0; g <= f; g++) {
                a[row + g] += a0 * gram[row + g];
            }
            a[row + f] += ridge;
            if (mean != null) {
                b[f] += ridge * mean[f];
            }
        }
        double[] x = Cholesky.solve(a, b, k);
        for (int f = 0; f < k; f++) {
            out[f] = (float) x[f];
        }
        return out;
    }

    /** Columns added to the normal matrix together: each pass over its triangle adds four of them. */
    private static final int GROUP = 4;

    /**
     * Adds {@code c_j y_j y_j^T} (lower triangle) to {@code a} and {@code c_j y_j} to {@code b}
     * over the usable columns; returns how many there were. Columns go in groups of
     * {@value #GROUP}, copied to doubles in the thread's scratch array, so the
     * triangle is read and written once per group rather than once per column: one column at a
     * time, loading and storing the matrix was most of a fold-in's time (at k = 64 the triangle is
     * 2,080 doubles, and a user with 150 ratings passed over it 150 times). The order of additions
     * is fixed by the columns alone, so every JVM, vectorised or not, gets the same bits.
     */
    static int accumulate(float[] rows, int k, int[] columns, float[] weights, double[] a, double[] b) {
        double[] y = scratch(GROUP * k + GROUP);
        int weightAt = GROUP * k;
        int pending = 0;
        int used = 0;
        for (int p = 0; p < columns.length; p++) {
            int j = columns[p];
            if (j < 0) {
                continue;
            }
            int base = j * k;
            int to = pending * k;
            for (int f = 0; f < k; f++) {
                y[to + f] = rows[base + f];
            }
            y[weightAt + pending] = weights[p];
            used++;
            if (++pending == GROUP) {
                addGroup(a, b, y, k, weightAt);
                pending = 0;
            }
        }
        for (int s = 0; s < pending; s++) {
            addOne(a, b, y, k, s * k, y[weightAt + s]);
        }
        return used;
    }

    private static void addGroup(double[] a, double[] b, double[] y, int k, int weightAt) {
        int y0 = 0;
        int y1 = y0 + k;
        int y2 = y1 + k;
        int y3 = y2 + k;
        double c0 = y[weightAt];
        double c1 = y[weightAt + 1];
        double c2 = y[weightAt + 2];
        double c3 = y[weightAt + 3];
        for (int f = 0; f < k; f++) {
            double w0 = y[y0 + f] * c0;
            double w1 = y[y1 + f] * c1;
            double w2 = y[y2 + f] * c2;
            double w3 = y[y3 + f] * c3;
            b[f] += ((w0 + w1) + w2) + w3;
            int row = f * k;
            for (int g = 0; g <= f; g++) {
                a[row + g] += ((w0 * y[y0 + g] + w1 * y[y1 + g]) + w2 * y[y2 + g]) + w3 * y[y3 + g];
            }
        }
    }

    private static void addOne(double[] a, double[] b, double[] y, int k, int at, double c) {
        for (int f = 0; f < k; f++) {
            double w = y[at + f] * c;
            b[f] += w;
            int row = f * k;
            for (int g = 0; g <= f; g++) {
                a[row + g] += w * y[at + g];
            }
        }
    }

    /**
     * The thread's k x k normal-equation matrix, zeroed. Serving folds a user in on most requests
     * and the trainer once per row and sweep; at k = 64 a fresh matrix is 32 KB, a sixteenth of
     * everything a serving instance allocated under load. The solve overwrites it, so it never
     * leaves this class.
     */
    private static double[] normalMatrix(int size) {
        double[] a = NORMAL_MATRIX.get();
        if (a == null || a.length < size) {
            a = new double[size];
            NORMAL_MATRIX.set(a);
        } else {
            java.util.Arrays.fill(a, 0, size, 0.0);
        }
        return a;
    }

    private static final ThreadLocal<double[]> NORMAL_MATRIX = new ThreadLocal<>();

    /** The thread's array for a group of columns and their weights, overwritten before it is read. */
    private static double[] scratch(int size) {
        double[] y = SCRATCH.get();
        if (y == null || y.length < size) {
            y = new double[size];
            SCRATCH.set(y);
        }
        return y;
    }

    private static final ThreadLocal<double[]> SCRATCH = new ThreadLocal<>();

    /** True for a null or all-zero vector. */
    static boolean isZero(float[] v) {
        if (v == null) {
            return true;
        }
        for (float x : v) {
            if (x != 0f) {
                return false;
            }
        }
        return true;
    }

    /** {@code sum_j y_j y_j^T} over all {@code n} rows of {@code rows} (full k x k, row-major). */
    public static double[] gram(float[] rows, int n, int k) {
        double[] g = new double[k * k];
        for (int j = 0; j < n; j++) {
            int base = j * k;
            for (int f = 0; f < k; f++) {
                double yf = rows[base + f];
                int row = f * k;
                for (int h = 0; h <= f; h++) {
                    g[row + h] += yf * rows[base + h];
                }
            }
        }
        for (int f = 0; f < k; f++) {
            for (int h = 0; h < f; h++) {
                g[h * k + f] = g[f * k + h];
            }
        }
        return g;
    }
}
