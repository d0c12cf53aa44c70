package io.reelfm.core.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means with seeded k-means++ initialisation, then either full Lloyd iterations (distances by
 * GEMM or plain Java, see {@link DistanceKernel}) or Sculley's mini-batch updates for large
 * catalogues. Works on any float matrix: MinMax-scaled content features after PCA, or FM item
 * vectors. Same input and seed give the same model.
 */
public final class KMeans {

    private KMeans() {
    }

    public static KMeansModel fit(float[][] points, KMeansConfig config) {
        float[] x = FloatRows.flatten(points, "points");
        return fit(x, points.length, points[0].length, config);
    }

    /** @param x row-major n×d points (not modified) */
    public static KMeansModel fit(float[] x, int n, int d, KMeansConfig config) {
        int k = config.k();
        if (k > n) {
            throw new IllegalArgumentException("k=" + k + " exceeds the number of points " + n);
        }
        Assignment assignment = new Assignment(x, n, d, config.kernel());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        KMeansModel best = null;
        for (int run = 0; run < config.restarts(); run++) {
            SplittableRandom random = run == 0 ? new SplittableRandom(config.seed()) : seeds.split();
            float[] centroids = plusPlus(x, n, d, k, random);
            int[] labels = new int[n];
            int iterations = config.miniBatchSize() > 0
                    ? miniBatch(x, n, d, k, centroids, config, random)
                    : lloyd(x, n, d, k, centroids, labels, assignment, config);
            double inertia = assignment.assign(centroids, k, labels);
            if (best == null || inertia < best.inertia()) {
                best = new KMeansModel(centroids, k, d, labels, inertia, iterations);
            }
        }
        return best;
    }

    /** k-means++: each next centre drawn with probability proportional to squared distance to the nearest chosen one. */
    static float[] plusPlus(float[] x, int n, int d, int k, SplittableRandom random) {
        float[] centroids = new float[k * d];
        int first = random.nextInt(n);
        System.arraycopy(x, first * d, centroids, 0, d);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = FloatRows.squaredDistance(x, i, centroids, 0, d);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : nearest) {
                total += v;
            }
            int chosen;
            if (total <= 0) {
                chosen = random.nextInt(n);
            } else {
                double target = random.nextDouble() * total;
                chosen = n - 1;
                double cumulative = 0;
                for (int i = 0; i < n; i++) {
                    cumulative += nearest[i];
                    if (cumulative >= target && nearest[i] > 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            System.arraycopy(x, chosen * d, centroids, c * d, d);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], FloatRows.squaredDistance(x, i, centroids, c, d));
            }
        }
        return centroids;
    }

    private static int lloyd(float[] x, int n, int d, int k, float[] centroids, int[] labels,
            Assignment assignment, KMeansConfig config) {
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int it = 1; it <= config.maxIterations(); it++) {
            assignment.assign(centroids, k, labels);
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int c = labels[i];
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += x[i * d + j];
                }
            }
            double maxShift = 0;
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    // an empty cluster keeps its centre; k-means++ makes this rare
                    continue;
                }
                double shift = 0;
                for (int j = 0; j < d; j++) {
                    float updated = (float) (sums[c * d + j] / counts[c]);
                    double diff = updated - centroids[c * d + j];
                    shift += diff * diff;
                    centroids[c * d + j] = updated;
                }
                maxShift = Math.max(maxShift, Math.sqrt(shift));
            }
            if (maxShift <= config.tolerance()) {
                return it;
            }
        }
        return config.maxIterations();
    }

    private static int miniBatch(float[] x, int n, int d, int k, float[] centroids, KMeansConfig config,
            SplittableRandom random) {
        int batch = Math.min(config.miniBatchSize(), n);
        long[] counts = new long[k];
        int[] sample = new int[batch];
        int[] nearest = new int[batch];
        for (int step = 1; step <= config.maxIterations(); step++) {
            for (int b = 0; b < batch; b++) {
                sample[b] = random.nextInt(n);
                nearest[b] = nearestCentroid(x, sample[b], centroids, k, d);
            }
            double maxShift = 0;
            for (int b = 0; b < batch; b++) {
                int c = nearest[b];
                counts[c]++;
                float rate = 1f / counts[c];
                double shift = 0;
                for (int j = 0; j < d; j++) {
                    float delta = rate * (x[sample[b] * d + j] - centroids[c * d + j]);
                    centroids[c * d + j] += delta;
                    shift += delta * delta;
                }
                maxShift = Math.max(maxShift, Math.sqrt(shift));
            }
            if (step > 1 && maxShift <= config.tolerance()) {
                return step;
            }
        }
        return config.maxIterations();
    }

    private static int nearestCentroid(float[] x, int row, float[] centroids, int k, int d) {
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float dist = FloatRows.squaredDistance(x, row, centroids, c, d);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }
}
