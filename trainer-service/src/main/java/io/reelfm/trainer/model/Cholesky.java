package io.reelfm.trainer.model;

/** Solves small symmetric positive-definite systems in place; used per user and per item. */
final class Cholesky {

    private Cholesky() {
    }

    /** Solves {@code A x = b} for a d×d SPD matrix in row-major order; A and b are overwritten. */
    static double[] solve(double[] a, double[] b, int d) {
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * d + k] * a[j * d + k];
            }
            double diag = Math.sqrt(Math.max(s, 1e-12));
            a[j * d + j] = diag;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = t / diag;
            }
        }
        for (int i = 0; i < d; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= a[i * d + k] * b[k];
            }
            b[i] = t / a[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double t = b[i];
            for (int k = i + 1; k < d; k++) {
                t -= a[k * d + i] * b[k];
            }
            b[i] = t / a[i * d + i];
        }
        return b;
    }
}
