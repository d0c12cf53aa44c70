package io.reelfm.core.cluster;

/**
 * Which code computes nearest-centroid assignments. {@link #GEMM} uses ND4J/OpenBLAS
 * ({@code ||x||² − 2XCᵀ + ||c||²}); {@link #JAVA} uses plain loops. ND4J has a fixed cost per
 * call, so small problems are faster in Java; {@link #AUTO} picks by size (threshold from the
 * "Clustering and kNN" benchmarks in docs/benchmarks.md).
 */
public enum DistanceKernel {
    AUTO, GEMM, JAVA;

    /** Multiply-adds per assignment pass above which GEMM wins. */
    static final long GEMM_THRESHOLD = 2_000_000L;

    DistanceKernel resolve(long n, long k, long d) {
        if (this != AUTO) {
            return this;
        }
        return n * k * d >= GEMM_THRESHOLD ? GEMM : JAVA;
    }
}
