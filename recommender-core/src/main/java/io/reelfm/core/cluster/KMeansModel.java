package io.reelfm.core.cluster;

/**
 * Result of a k-means run: centroids, the label of every input point, and the inertia (sum of
 * squared distances of points to their centroid). Arrays are copied on the way out, so the
 * model is immutable and safe to share.
 */
public final class KMeansModel {

    private final float[] centroids;
    private final int k;
    private final int d;
    private final int[] labels;
    private final double inertia;
    private final int iterations;

    KMeansModel(float[] centroids, int k, int d, int[] labels, double inertia, int iterations) {
        this.centroids = centroids;
        this.k = k;
        this.d = d;
        this.labels = labels;
        this.inertia = inertia;
        this.iterations = iterations;
    }

    public int k() {
        return k;
    }

    public int dimensions() {
        return d;
    }

    public float[][] centroids() {
        float[][] out = new float[k][d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(centroids, c * d, out[c], 0, d);
        }
        return out;
    }

    public float[] centroid(int cluster) {
        float[] out = new float[d];
        System.arraycopy(centroids, cluster * d, out, 0, d);
        return out;
    }

    public int[] labels() {
        return labels.clone();
    }

    public double inertia() {
        return inertia;
    }

    /** Lloyd iterations or mini-batch steps actually run. */
    public int iterations() {
        return iterations;
    }

    /** Points per cluster. */
    public int[] sizes() {
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        return sizes;
    }

    /** The nearest centroid of a new point (plain Java; for one-off queries). */
    public int predict(float[] point) {
        if (point.length != d) {
            throw new IllegalArgumentException("point has " + point.length + " dimensions, expected " + d);
        }
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float s = 0;
            for (int j = 0; j < d; j++) {
                float diff = point[j] - centroids[c * d + j];
                s += diff * diff;
            }
            if (s < bestDistance) {
                bestDistance = s;
                best = c;
            }
        }
        return best;
    }
}
