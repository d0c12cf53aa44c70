package io.reelfm.bench.cluster;

import io.reelfm.core.cluster.Assignment;
import io.reelfm.core.cluster.DistanceKernel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Lloyd assignment pass (all points to their nearest centroid): ND4J GEMM
 * ({@code ||x||² − 2XCᵀ + ||c||²}) against plain Java loops, to set {@link DistanceKernel#AUTO}'s threshold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KMeansAssignmentBenchmark {

    @Param({"1682", "100000"})
    int n;

    @Param({"16", "64"})
    int d;

    @Param({"12"})
    int k;

    private Assignment gemm;
    private Assignment java;
    private float[] centroids;
    private int[] labels;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        float[] points = new float[n * d];
        for (int i = 0; i < points.length; i++) {
            points[i] = (float) random.nextDouble();
        }
        centroids = new float[k * d];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = (float) random.nextDouble();
        }
        labels = new int[n];
        gemm = new Assignment(points, n, d, DistanceKernel.GEMM);
        java = new Assignment(points, n, d, DistanceKernel.JAVA);
        gemm.assign(centroids, k, labels);
    }

    @Benchmark
    public double gemm() {
        return gemm.assign(centroids, k, labels);
    }

    @Benchmark
    public double java() {
        return java.assign(centroids, k, labels);
    }
}
