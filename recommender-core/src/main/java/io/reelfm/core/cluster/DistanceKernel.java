package io.reelfm.core.cluster;

/**
 * Which code computes nearest-centroid assignments. {@link #GEMM} uses ND4J/OpenBLAS
 * ({@code ||x||² − 2XCᵀ + ||c||²}); {@link #JAVA} uses plain loops. ND4J has a fixed cost per
 * call, so small problems are faster in Java; {@link #AUTO} picks by size (threshold from the
 * "Clustering and kNN" benchmarks in docs/benchmarks.md).
 */
public enum DistanceKernel {
    AUTO, GEMM, JAVA;

    /**
     * Multiply-adds per assignment pass (n·k·d) from which GEMM is used. Measured: Java is 3×
     * faster at 1682×12×64 (1.3 M), the two tie at 100k×12×16 (19 M), GEMM is 1.5× faster at
     * 100k×12×64 (77 M).
     */
    static final long GEMM_THRESHOLD = 20_000_000L;

    DistanceKernel resolve(long n, long k, long d) {
        if (this != AUTO) {
            return this;
        }
        return n * k * d >= GEMM_THRESHOLD ? GEMM : JAVA;
    }
}
