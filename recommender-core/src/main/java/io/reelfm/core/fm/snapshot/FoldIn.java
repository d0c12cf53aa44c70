package io.reelfm.core.fm.snapshot;

/**
 * Solves a user's own FM parameters (user-id weight w_u and factors v_u) from that user's ratings
 * with every item-side and feature-side parameter fixed. The FM output is linear in
 * {@code theta = (w_u, v_u)}: {@code y(u, i) = t0_i + w_u + <v_u, p_C + q_i>} (see
 * {@link FmSnapshot}), so the fit is a ridge regression with design rows {@code (1, p_C + q_i)} and
 * a (k+1)x(k+1) system, solved by Cholesky: O(n k^2 + k^3), microseconds for typical users, plain
 * Java with no allocation beyond two small arrays.
 *
 * <p>Its minimiser is exactly the coordinate-descent fixed point of the training objective
 * restricted to that user's row, which is why the served predictor tracks the trained model.
 */
public final class FoldIn {

    private FoldIn() {
    }

    /**
     * Accumulates one rating into the normal equations {@code ata} ((k+1)^2, row-major) and
     * {@code atb} (k+1): design row {@code (1, z)}, target {@code t}.
     */
    static void accumulate(double[] ata, double[] atb, float[] z, double t) {
        int d = z.length + 1;
        ata[0] += 1;
        atb[0] += t;
        for (int a = 1; a < d; a++) {
            double za = z[a - 1];
            atb[a] += za * t;
            int row = a * d;
            ata[row] += za;
            for (int b = 1; b <= a; b++) {
                ata[row + b] += za * z[b - 1];
            }
        }
    }

    /**
     * Adds the ridge toward {@code (meanW, meanV)} and solves; the lower triangle of {@code ata}
     * is read (upper is filled here). @return theta = (w_u, v_u)
     */
    static double[] solve(double[] ata, double[] atb, int d, double ridgeW, float[] ridgeV, double scale,
                          double meanW, float[] meanV) {
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                ata[b * d + a] = ata[a * d + b];
            }
        }
        ata[0] += ridgeW;
        atb[0] += ridgeW * meanW;
        for (int a = 1; a < d; a++) {
            double r = ridgeV[a - 1] * scale + 1e-9;
            ata[a * d + a] += r;
            atb[a] += r * meanV[a - 1];
        }
        return cholesky(ata, atb, d);
    }

    /** Solves {@code A x = b} for symmetric positive definite A (destroys A). */
    static double[] cholesky(double[] a, double[] b, int d) {
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int m = 0; m < j; m++) {
                s -= a[j * d + m] * a[j * d + m];
            }
            if (!(s > 0)) {
                s = 1e-12;
            }
            double l = Math.sqrt(s);
            a[j * d + j] = l;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int m = 0; m < j; m++) {
                    t -= a[i * d + m] * a[j * d + m];
                }
                a[i * d + j] = t / l;
            }
        }
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double t = b[i];
            for (int m = 0; m < i; m++) {
                t -= a[i * d + m] * y[m];
            }
            y[i] = t / a[i * d + i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double t = y[i];
            for (int m = i + 1; m < d; m++) {
                t -= a[m * d + i] * x[m];
            }
            x[i] = t / a[i * d + i];
        }
        return x;
    }
}
