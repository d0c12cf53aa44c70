package io.reelfm.trainer.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Biased matrix factorization fitted by alternating least squares: each sweep solves every
 * user's {@code [bias, factors]} exactly given the items, then every item's given the users.
 * Converges in a handful of sweeps and, started from the previous model, refits quickly. The
 * user step is the same ridge solve that serving's fold-in performs.
 */
public final class AlsLearner implements Learner {

    private final int iterations;
    private final double lambda;

    public AlsLearner(int iterations, double lambda) {
        if (iterations < 1 || !(lambda > 0)) {
            throw new IllegalArgumentException("als needs iterations >= 1 and lambda > 0; got " + iterations + ", " + lambda);
        }
        this.iterations = iterations;
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "als";
    }

    @Override
    public double userLambda() {
        return lambda;
    }

    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("iterations", String.valueOf(iterations));
        h.put("lambda", String.valueOf(lambda));
        return h;
    }

    @Override
    public void fit(TrainingSet data, FactorParams p) {
        p.ensureSize(data.userCount(), data.itemCount());
        p.mu = data.mean();
        for (int it = 0; it < iterations; it++) {
            sweep(data, p, true);
            sweep(data, p, false);
        }
    }

    private void sweep(TrainingSet data, FactorParams p, boolean solveUsers) {
        int k = p.k();
        int d = k + 1;
        int[] starts = solveUsers ? data.userStarts() : data.itemStarts();
        int[] entries = solveUsers ? data.userEntries() : data.itemEntries();
        int count = solveUsers ? data.userCount() : data.itemCount();
        float[] ownBias = solveUsers ? p.userBias : p.itemBias;
        float[] ownFactors = solveUsers ? p.userFactors : p.itemFactors;
        float[] otherBias = solveUsers ? p.itemBias : p.userBias;
        float[] otherFactors = solveUsers ? p.itemFactors : p.userFactors;
        double[] a = new double[d * d];
        double[] b = new double[d];
        double[] x = new double[d];
        for (int o = 0; o < count; o++) {
            if (starts[o] == starts[o + 1]) {
                continue;
            }
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(b, 0);
            for (int e = starts[o]; e < starts[o + 1]; e++) {
                int j = entries[e];
                int other = solveUsers ? data.item(j) : data.user(j);
                x[0] = 1;
                for (int f = 0; f < k; f++) {
                    x[f + 1] = otherFactors[other * k + f];
                }
                double target = data.rating(j) - p.mu - otherBias[other];
                for (int r = 0; r < d; r++) {
                    b[r] += x[r] * target;
                    for (int c = 0; c <= r; c++) {
                        a[r * d + c] += x[r] * x[c];
                    }
                }
            }
            for (int r = 0; r < d; r++) {
                a[r * d + r] += lambda;
                for (int c = r + 1; c < d; c++) {
                    a[r * d + c] = a[c * d + r];
                }
            }
            double[] sol = Cholesky.solve(a, b, d);
            ownBias[o] = (float) sol[0];
            for (int f = 0; f < k; f++) {
                ownFactors[o * k + f] = (float) sol[f + 1];
            }
        }
    }
}
