package io.reelfm.core.linalg;

/**
 * Dense symmetric positive definite solves for the small systems of fold-in and alternating least
 * squares ({@code d} up to a few hundred): plain Java, no allocation beyond the answer, so a
 * per-request solve costs microseconds and no native call.
 */
public final class Cholesky {

    private Cholesky() {
    }

    /**
     * Solves {@code A x = b} for symmetric positive definite A, given row-major as {@code a}
     * (d x d; only the lower triangle is read). Destroys {@code a}. A pivot that is not positive
     * (a numerically singular system) is replaced by a tiny one instead of failing, so a
     * degenerate user still gets a finite answer.
     */
    public static double[] solve(double[] a, double[] b, int d) {
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
