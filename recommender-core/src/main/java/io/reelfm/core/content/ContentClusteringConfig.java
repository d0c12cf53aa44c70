package io.reelfm.core.content;

/**
 * Settings of the content-feature clustering pipeline.
 *
 * @param varianceToKeep PCA explained-variance target; default 0.9
 * @param minK smallest k tried; default 2
 * @param maxK largest k tried (capped at the number of items); default 12
 * @param seed k-means++ and silhouette sampling seed; default 42
 * @param silhouetteSample points scored per silhouette (exact below this); default 2000
 * @param topFeatures dominant features listed per cluster; default 5
 */
public record ContentClusteringConfig(double varianceToKeep, int minK, int maxK, long seed, int silhouetteSample,
        int topFeatures) {

    public static final ContentClusteringConfig DEFAULT = new ContentClusteringConfig(0.9, 2, 12, 42, 2000, 5);

    public ContentClusteringConfig {
        if (minK < 2 || maxK < minK) {
            throw new IllegalArgumentException("need 2 <= minK <= maxK, got minK=" + minK + " maxK=" + maxK);
        }
        if (silhouetteSample < 2) {
            throw new IllegalArgumentException("silhouetteSample must be at least 2, got " + silhouetteSample);
        }
        if (topFeatures < 1) {
            throw new IllegalArgumentException("topFeatures must be at least 1, got " + topFeatures);
        }
    }
}
