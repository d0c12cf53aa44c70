package io.reelfm.core.content;

import io.reelfm.core.cluster.KMeansConfig;
import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.pca.Pca;
import io.reelfm.core.pca.PcaModel;
import java.util.List;

/**
 * The whole notebook pipeline in one call: scaled content features → PCA to the variance target
 * → k-means for each k in range → k with the best silhouette → cluster profiles in feature names.
 */
public final class ContentClustering {

    private ContentClustering() {
    }

    /** Everything the pipeline produced, for reports and charts. */
    public record Result(PcaModel pca, KSelection.Report selection, List<ClusterProfile> profiles) {
    }

    public static Result run(ContentFeatures features, ContentClusteringConfig config) {
        PcaModel pca = Pca.fit(features.values(), config.varianceToKeep());
        float[][] projected = pca.transform(features.values());
        int maxK = Math.min(config.maxK(), projected.length);
        KSelection.Report report = KSelection.run(projected, Math.min(config.minK(), maxK), maxK,
                KMeansConfig.of(config.minK(), config.seed()), config.silhouetteSample());
        List<ClusterProfile> profiles = ClusterProfiles.describe(report.best().model(), pca, features, config.topFeatures());
        return new Result(pca, report, profiles);
    }
}
