package io.reelfm.core.fm;

import java.util.Random;

/**
 * Generated rating data from planted FM parameters: users 0..U-1 are features 0..U-1, items are
 * features U..U+I-1, y = w0 + b_u + b_i + &lt;p_u, q_i&gt; + N(0, noise^2).
 */
final class Planted {

    final int users;
    final int items;
    final int k;
    final double noise;
    final FmData train;
    final FmData test;
    final float[] testTruth;

    Planted(int users, int items, int k, double density, double noise, long seed) {
        this.users = users;
        this.items = items;
        this.k = k;
        this.noise = noise;
        Random r = new Random(seed);
        double[] bu = new double[users];
        double[] bi = new double[items];
        double[][] pu = new double[users][k];
        double[][] qi = new double[items][k];
        for (int u = 0; u < users; u++) {
            bu[u] = r.nextGaussian() * 0.3;
            for (int f = 0; f < k; f++) {
                pu[u][f] = r.nextGaussian() * 0.7;
            }
        }
        for (int i = 0; i < items; i++) {
            bi[i] = r.nextGaussian() * 0.3;
            for (int f = 0; f < k; f++) {
                qi[i][f] = r.nextGaussian() * 0.7;
            }
        }
        FmData.Builder tr = new FmData.Builder();
        FmData.Builder te = new FmData.Builder();
        java.util.List<Float> truth = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double u01 = r.nextDouble();
                if (u01 >= density * 1.2) {
                    continue;
                }
                double y = 3 + bu[u] + bi[i];
                for (int f = 0; f < k; f++) {
                    y += pu[u][f] * qi[i][f];
                }
                double noisy = y + r.nextGaussian() * noise;
                SparseVector x = new SparseVector(new int[]{u, users + i}, new float[]{1f, 1f});
                if (u01 < density) {
                    tr.add(x, (float) noisy);
                } else {
                    te.add(x, (float) noisy);
                    truth.add((float) y);
                }
            }
        }
        train = tr.build();
        test = te.build();
        testTruth = new float[truth.size()];
        for (int j = 0; j < testTruth.length; j++) {
            testTruth[j] = truth.get(j);
        }
    }

    static double rmse(float[] pred, FmData data) {
        double s = 0;
        for (int i = 0; i < pred.length; i++) {
            double d = pred[i] - data.target(i);
            s += d * d;
        }
        return Math.sqrt(s / pred.length);
    }

    static double rmse(float[] pred, float[] truth) {
        double s = 0;
        for (int i = 0; i < pred.length; i++) {
            double d = pred[i] - truth[i];
            s += d * d;
        }
        return Math.sqrt(s / pred.length);
    }

    /** A config on a wide scale so clipping never hides an error. */
    static FmConfig config(FmLearner learner, int k, int iterations) {
        return FmConfig.defaults().withLearner(learner).withK(k).withIterations(iterations).withScale(-100f, 100f)
                .withSeed(7);
    }
}
