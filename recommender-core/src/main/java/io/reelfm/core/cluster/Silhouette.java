package io.reelfm.core.cluster;

import java.util.SplittableRandom;

/**
 * Mean silhouette coefficient, s(i) = (b − a) / max(a, b) with a the mean distance to the own
 * cluster and b the smallest mean distance to another cluster (Euclidean). Exact cost is
 * O(n²d), so large inputs are scored on a seeded random sample of points (distances within
 * the sample), as scikit-learn's {@code sample_size} does. Points alone in their cluster score 0.
 */
public final class Silhouette {

    private Silhouette() {
    }

    /** Exact mean silhouette over all points. */
    public static double score(float[][] points, int[] labels) {
        return score(points, labels, Integer.MAX_VALUE, 0);
    }

    /** Mean silhouette over at most {@code sampleSize} points drawn without replacement using {@code seed}. */
    public static double score(float[][] points, int[] labels, int sampleSize, long seed) {
        if (points.length != labels.length) {
            throw new IllegalArgumentException("points and labels differ in length: " + points.length + " vs " + labels.length);
        }
        int n = points.length;
        int[] rows = sample(n, sampleSize, seed);
        int k = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("labels hold a negative label " + label);
            }
            k = Math.max(k, label + 1);
        }
        if (k < 2) {
            throw new IllegalArgumentException("silhouette needs at least 2 clusters, labels use " + k);
        }
        double total = 0;
        double[] sumTo = new double[k];
        int[] countIn = new int[k];
        for (int i : rows) {
            java.util.Arrays.fill(sumTo, 0);
            java.util.Arrays.fill(countIn, 0);
            for (int j : rows) {
                if (j == i) {
                    continue;
                }
                sumTo[labels[j]] += distance(points[i], points[j]);
                countIn[labels[j]]++;
            }
            int own = labels[i];
            if (countIn[own] == 0) {
                continue;
            }
            double a = sumTo[own] / countIn[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && countIn[c] > 0) {
                    b = Math.min(b, sumTo[c] / countIn[c]);
                }
            }
            if (b != Double.POSITIVE_INFINITY) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / rows.length;
    }

    private static int[] sample(int n, int sampleSize, long seed) {
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be at least 2, got " + sampleSize);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (sampleSize >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return java.util.Arrays.copyOf(all, sampleSize);
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            double diff = a[c] - b[c];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
