package io.reelfm.core.cluster;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-centroid assignment of all points, the inner step of Lloyd's algorithm, in two
 * interchangeable implementations (same labels, inertia equal up to float rounding). Points
 * are uploaded to ND4J once per instance; only the k×d centroids move per call.
 */
public final class Assignment {

    private final float[] points;
    private final int n;
    private final int d;
    private final float[] pointNorms;
    private final DistanceKernel kernel;
    private INDArray pointsNd;

    public Assignment(float[] points, int n, int d, DistanceKernel kernel) {
        this.points = points;
        this.n = n;
        this.d = d;
        this.pointNorms = FloatRows.squaredNorms(points, n, d);
        this.kernel = kernel;
    }

    /** Writes the nearest centroid of each point into {@code labels}; returns the inertia (sum of squared distances). */
    public double assign(float[] centroids, int k, int[] labels) {
        return kernel.resolve(n, k, d) == DistanceKernel.GEMM ? assignGemm(centroids, k, labels) : assignJava(centroids, k, labels);
    }

    double assignJava(float[] centroids, int k, int[] labels) {
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bestDistance = Float.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                float dist = FloatRows.squaredDistance(points, i, centroids, c, d);
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            labels[i] = best;
            inertia += bestDistance;
        }
        return inertia;
    }

    double assignGemm(float[] centroids, int k, int[] labels) {
        if (pointsNd == null) {
            pointsNd = Nd4j.create(points, new long[] {n, d}, DataType.FLOAT);
        }
        INDArray c = Nd4j.create(centroids, new long[] {k, d}, DataType.FLOAT);
        INDArray dots = Nd4j.gemm(pointsNd, c, false, true);
        float[] xc = dots.dup('c').data().asFloat();
        float[] centroidNorms = FloatRows.squaredNorms(centroids, k, d);
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bestPartial = Float.POSITIVE_INFINITY;
            int base = i * k;
            for (int j = 0; j < k; j++) {
                // ||x||² is the same for every centroid, so the argmin needs only ||c||² − 2x·c
                float partial = centroidNorms[j] - 2 * xc[base + j];
                if (partial < bestPartial) {
                    bestPartial = partial;
                    best = j;
                }
            }
            labels[i] = best;
            inertia += Math.max(0f, pointNorms[i] + bestPartial);
        }
        return inertia;
    }
}
