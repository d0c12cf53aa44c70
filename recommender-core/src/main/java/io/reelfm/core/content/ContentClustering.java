package io.reelfm.core.content;

import io.reelfm.core.cluster.KMeansConfig;
import io.reelfm.core.cluster.KMeansModel;
import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.pca.Pca;
import io.reelfm.core.pca.PcaModel;
import java.util.List;

/**
 * The whole notebook pipeline in one call: scaled content features, feature groups balanced
 * ({@link ContentFeatures#clusteringSpace()}) → PCA to the variance target → k-means for each k in
 * range → k with the best silhouette → cluster profiles in feature names.
 */
public final class ContentClustering {

    private ContentClustering() {
    }

    /** Everything the pipeline produced, for reports and charts. */
    public record Result(PcaModel pca, KSelection.Report selection, List<ClusterProfile> profiles) {
    }

    public static Result run(ContentFeatures features, ContentClusteringConfig config) {
        float[][] space = features.clusteringSpace();
        PcaModel pca = Pca.fit(space, config.varianceToKeep());
        float[][] projected = pca.transform(space);
        int maxK = Math.min(config.maxK(), projected.length);
        KSelection.Report report = KSelection.run(projected, Math.min(config.minK(), maxK), maxK,
                KMeansConfig.of(config.minK(), config.seed()), config.silhouetteSample());
        KMeansModel best = report.best().model();
        List<ClusterProfile> profiles = ClusterProfiles.describeMembers(best.labels(), best.k(), features, config.topFeatures());
        return new Result(pca, report, profiles);
    }
}
