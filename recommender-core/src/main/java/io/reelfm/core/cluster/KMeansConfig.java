package io.reelfm.core.cluster;

/**
 * Settings of one k-means run.
 *
 * @param k number of clusters (at least 1, at most the number of points)
 * @param maxIterations Lloyd iterations (or mini-batch steps) at most; default 100
 * @param tolerance stop when no centroid moves more than this (Euclidean); default 1e-4
 * @param seed seeds the k-means++ initialisation and mini-batch sampling; default 42
 * @param miniBatchSize 0 for full Lloyd iterations (default); otherwise points sampled per
 *        mini-batch step (Sculley 2010), for catalogues too large for full passes
 * @param kernel how the point-to-centroid distances are computed; default {@link DistanceKernel#AUTO}
 * @param restarts independent seeded runs, the lowest inertia kept (one run can land in a poor
 *        local minimum, which shows up as inertia rising with k); default 4
 */
public record KMeansConfig(int k, int maxIterations, double tolerance, long seed, int miniBatchSize,
        DistanceKernel kernel, int restarts) {

    public KMeansConfig {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        if (miniBatchSize < 0) {
            throw new IllegalArgumentException("miniBatchSize must be >= 0, got " + miniBatchSize);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel is null");
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
    }

    /** Full Lloyd with the defaults above. */
    public static KMeansConfig of(int k, long seed) {
        return new KMeansConfig(k, 100, 1e-4, seed, 0, DistanceKernel.AUTO, 4);
    }

    public KMeansConfig withMiniBatch(int size) {
        return new KMeansConfig(k, maxIterations, tolerance, seed, size, kernel, restarts);
    }

    public KMeansConfig withKernel(DistanceKernel value) {
        return new KMeansConfig(k, maxIterations, tolerance, seed, miniBatchSize, value, restarts);
    }

    public KMeansConfig withK(int value) {
        return new KMeansConfig(value, maxIterations, tolerance, seed, miniBatchSize, kernel, restarts);
    }

    public KMeansConfig withRestarts(int value) {
        return new KMeansConfig(k, maxIterations, tolerance, seed, miniBatchSize, kernel, value);
    }
}
