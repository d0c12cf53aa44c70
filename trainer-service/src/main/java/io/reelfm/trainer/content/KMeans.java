package io.reelfm.trainer.content;

import java.util.Random;

/**
 * Lloyd's k-means with k-means++ seeding on dense float rows. Deterministic for a seed. Plain
 * loops: catalogue-sized inputs (tens of thousands of rows, tens of dimensions) take well under
 * a second, and ND4J's per-op overhead would dominate at these sizes.
 */
public final class KMeans {

    private KMeans() {
    }

    /** Result of a clustering: centroids, each row's cluster and the mean squared distance to it. */
    public record Result(float[][] centroids, int[] assignments, double inertia) {
    }

    public static Result fit(float[][] rows, int k, int iterations, long seed) {
        int n = rows.length;
        if (n == 0) {
            throw new IllegalArgumentException("k-means needs at least one row");
        }
        k = Math.min(k, n);
        int dims = rows[0].length;
        Random rnd = new Random(seed);
        float[][] centroids = new float[k][];
        centroids[0] = rows[rnd.nextInt(n)].clone();
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(rows[i], centroids[c - 1]));
                total += nearest[i];
            }
            double pick = rnd.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                pick -= nearest[i];
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = rows[chosen].clone();
        }
        int[] assign = new int[n];
        double inertia = 0;
        for (int it = 0; it < iterations; it++) {
            boolean moved = false;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = distance(rows[i], centroids[c]);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                moved |= assign[i] != best || it == 0;
                assign[i] = best;
                inertia += bestD;
            }
            if (!moved) {
                break;
            }
            double[][] sums = new double[k][dims];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assign[i]]++;
                for (int d = 0; d < dims; d++) {
                    sums[assign[i]][d] += rows[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    centroids[c] = rows[rnd.nextInt(n)].clone();
                    continue;
                }
                for (int d = 0; d < dims; d++) {
                    centroids[c][d] = (float) (sums[c][d] / counts[c]);
                }
            }
        }
        return new Result(centroids, assign, inertia / n);
    }

    static double distance(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return s;
    }
}
