package io.reelfm.core.fm.snapshot;

import io.reelfm.core.linalg.Cholesky;

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
        return Cholesky.solve(ata, atb, d);
    }
}
