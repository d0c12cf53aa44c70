package io.reelfm.core.rank;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One half-sweep of an implicit model: every row of one side solved against the fixed other side,
 * by warm-started conjugate-gradient steps (Takacs et al. 2011) or exactly ({@link ImplicitFoldIn}).
 * Shared by {@link ImplicitAls} and {@link AttributeAls}, so both models run one copy of the
 * arithmetic; the only difference is the prior mean each row's ridge is centred on (none for
 * plain iALS, the sum of the row's attribute embeddings for the attribute model).
 */
final class RowSweep {

    private RowSweep() {
    }

    /**
     * Solves every row of {@code side} (vectors {@code x}, updated in place) against {@code y}.
     *
     * @param mean per-row prior means, row-major like {@code x}; null centres every ridge on the origin
     */
    static void update(Interactions.Side side, float[] x, float[] y, int otherRows, int k, ImplicitPrior prior,
                       int cgSteps, float[] mean) {
        double[] gram = ImplicitFoldIn.gram(y, otherRows, k);
        IntStream.range(0, side.rows()).parallel().forEach(row -> {
            int from = side.start()[row];
            int to = side.start()[row + 1];
            float[] m = mean == null ? null : Arrays.copyOfRange(mean, row * k, row * k + k);
            if (cgSteps == 0 || from == to) {
                float[] sol = ImplicitFoldIn.solve(y, k, gram, Arrays.copyOfRange(side.columns(), from, to),
                        Arrays.copyOfRange(side.weights(), from, to), prior, otherRows, m);
                System.arraycopy(sol, 0, x, row * k, k);
                return;
            }
            conjugateGradient(side, from, to, x, row * k, y, gram, k, prior.unobservedWeight(),
                    prior.ridge(to - from, otherRows), m, cgSteps);
        });
    }

    /** {@code cgSteps} CG steps on the row's normal equations, warm-started from {@code x[base..base+k)}. */
    private static void conjugateGradient(Interactions.Side side, int from, int to, float[] x, int base, float[] y,
                                          double[] gram, int k, double a0, double ridge, float[] mean, int cgSteps) {
        double[] xv = new double[k];
        double[] r = new double[k];
        double[] p = new double[k];
        double[] ap = new double[k];
        for (int f = 0; f < k; f++) {
            xv[f] = x[base + f];
        }
        // r = b + ridge m - A x
        multiply(side, from, to, y, gram, a0, ridge, xv, r, k);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f];
            if (mean != null) {
                r[f] += ridge * mean[f];
            }
        }
        for (int q = from; q < to; q++) {
            int yb = side.columns()[q] * k;
            double c = side.weights()[q];
            for (int f = 0; f < k; f++) {
                r[f] += c * y[yb + f];
            }
        }
        System.arraycopy(r, 0, p, 0, k);
        double rr = dot(r, r, k);
        for (int step = 0; step < cgSteps && rr > 1e-20; step++) {
            multiply(side, from, to, y, gram, a0, ridge, p, ap, k);
            double alpha = rr / dot(p, ap, k);
            for (int f = 0; f < k; f++) {
                xv[f] += alpha * p[f];
                r[f] -= alpha * ap[f];
            }
            double next = dot(r, r, k);
            double beta = next / rr;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rr = next;
        }
        for (int f = 0; f < k; f++) {
            x[base + f] = (float) xv[f];
        }
    }

    /** {@code out = (a0 G + sum_q c_q y_q y_q^T + ridge I) in} for the row's interactions {@code from..to}. */
    private static void multiply(Interactions.Side side, int from, int to, float[] y, double[] gram, double a0,
                                 double ridge, double[] in, double[] out, int k) {
        for (int f = 0; f < k; f++) {
            double s = 0;
            int row = f * k;
            for (int g = 0; g < k; g++) {
                s += gram[row + g] * in[g];
            }
            out[f] = a0 * s + ridge * in[f];
        }
        for (int q = from; q < to; q++) {
            int yb = side.columns()[q] * k;
            double c = side.weights()[q];
            double d = 0;
            for (int f = 0; f < k; f++) {
                d += y[yb + f] * in[f];
            }
            d *= c;
            for (int f = 0; f < k; f++) {
                out[f] += d * y[yb + f];
            }
        }
    }

    private static double dot(double[] a, double[] b, int k) {
        double s = 0;
        for (int f = 0; f < k; f++) {
            s += a[f] * b[f];
        }
        return s;
    }
}
