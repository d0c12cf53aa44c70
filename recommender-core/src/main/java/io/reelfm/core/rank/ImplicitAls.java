package io.reelfm.core.rank;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Implicit alternating least squares (Hu, Koren & Volinsky 2008) in the formulation of Rendle et
 * al. 2021 ({@link ImplicitPrior}): every unobserved user-item cell is a weak negative, handled
 * through the other side's k x k Gramian so a sweep costs O(|interactions| k + rows k^2), never
 * O(users x items).
 *
 * <p>Each sweep updates all user rows, then all item rows, each row by a few conjugate-gradient
 * steps warm-started from its previous value (the rows are independent, so they run in
 * parallel). A last exact pass ({@link ImplicitFoldIn}) solves the users against the final item
 * vectors: their stored vectors are then exactly what a fold-in of the same interactions gives,
 * which is how serving treats every user.
 */
public final class ImplicitAls {

    /** Observes the model after each sweep (1-based), e.g. for a progress bar. */
    @FunctionalInterface
    public interface SweepListener {
        SweepListener NONE = sweep -> { };

        void sweepDone(int sweep);
    }

    private final ImplicitAlsConfig config;

    public ImplicitAls(ImplicitAlsConfig config) {
        this.config = config;
    }

    public ImplicitAlsConfig config() {
        return config;
    }

    public ImplicitAlsModel train(Interactions data) {
        return train(data, SweepListener.NONE);
    }

    public ImplicitAlsModel train(Interactions data, SweepListener listener) {
        return train(data, listener, null);
    }

    /**
     * @param exactUsers the users whose vectors get the last exact pass (null: every user). Others keep
     *                   their last sweep's vectors, good enough to rank with but not bit-equal to a
     *                   fold-in. The trainer needs only the item vectors (serving folds every user in),
     *                   the tuner only its validation users: at 25M ratings the exact pass over every
     *                   user costs more than all the sweeps together.
     */
    public ImplicitAlsModel train(Interactions data, SweepListener listener, java.util.function.IntPredicate exactUsers) {
        int k = config.factors();
        int users = data.users();
        int items = data.items();
        Random random = new Random(config.seed());
        double scale = 0.1 / Math.sqrt(k);
        float[] u = new float[users * k];
        float[] v = new float[items * k];
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (random.nextGaussian() * scale);
        }
        for (int j = 0; j < u.length; j++) {
            u[j] = (float) (random.nextGaussian() * scale);
        }
        Interactions.Side byUser = data.side(true);
        Interactions.Side byItem = data.side(false);
        for (int sweep = 1; sweep <= config.iterations(); sweep++) {
            update(byUser, u, v, items);
            update(byItem, v, u, users);
            listener.sweepDone(sweep);
        }
        double[] itemGram = ImplicitFoldIn.gram(v, items, k);
        IntStream.range(0, users).parallel().filter(row -> exactUsers == null || exactUsers.test(row)).forEach(row -> {
            int from = byUser.start()[row];
            int to = byUser.start()[row + 1];
            float[] x = ImplicitFoldIn.solve(v, k, itemGram, java.util.Arrays.copyOfRange(byUser.columns(), from, to),
                    java.util.Arrays.copyOfRange(byUser.weights(), from, to), config.prior(), items);
            System.arraycopy(x, 0, u, row * k, k);
        });
        return new ImplicitAlsModel(config, u, v, users, items, itemGram);
    }

    /** Solves every row of {@code side} (vectors {@code x}) against the fixed other side {@code y}. */
    private void update(Interactions.Side side, float[] x, float[] y, int otherRows) {
        int k = config.factors();
        double[] gram = ImplicitFoldIn.gram(y, otherRows, k);
        ImplicitPrior prior = config.prior();
        if (config.cgSteps() == 0) {
            IntStream.range(0, side.rows()).parallel().forEach(row -> {
                int from = side.start()[row];
                int to = side.start()[row + 1];
                float[] sol = ImplicitFoldIn.solve(y, k, gram, java.util.Arrays.copyOfRange(side.columns(), from, to),
                        java.util.Arrays.copyOfRange(side.weights(), from, to), prior, otherRows);
                System.arraycopy(sol, 0, x, row * k, k);
            });
            return;
        }
        double a0 = prior.unobservedWeight();
        IntStream.range(0, side.rows()).parallel().forEach(row -> {
            int from = side.start()[row];
            int to = side.start()[row + 1];
            int base = row * k;
            if (from == to) {
                java.util.Arrays.fill(x, base, base + k, 0f);
                return;
            }
            double ridge = prior.ridge(to - from, otherRows);
            double[] xv = new double[k];
            double[] r = new double[k];
            double[] p = new double[k];
            double[] ap = new double[k];
            for (int f = 0; f < k; f++) {
                xv[f] = x[base + f];
            }
            // r = b - A x
            multiply(side, from, to, y, gram, a0, ridge, xv, r, k);
            for (int f = 0; f < k; f++) {
                r[f] = -r[f];
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
            for (int step = 0; step < config.cgSteps() && rr > 1e-20; step++) {
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
        });
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
