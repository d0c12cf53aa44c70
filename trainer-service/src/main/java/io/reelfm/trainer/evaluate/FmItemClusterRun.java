package io.reelfm.trainer.evaluate;

import io.reelfm.core.cluster.KMeansConfig;
import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.content.ClusterProfile;
import io.reelfm.core.content.ClusterProfiles;
import io.reelfm.core.content.ContentFeatures;
import io.reelfm.core.eval.IdIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alternative clustering: k-means on the items' FM factor vectors (what the model learned
 * from behaviour), k chosen by silhouette, clusters described by their members' content
 * features so the two clusterings can be compared in the same vocabulary.
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which prints and reports its {@link Result}.
 */
public final class FmItemClusterRun {

    private FmItemClusterRun() {
    }

    public record Result(KSelection.Report selection, List<ClusterProfile> profiles) {
    }

    /**
     * @param vectors one FM vector per item index of {@code items} (rows of zeros for items the
     *        model never saw are left out of the clustering)
     */
    static Optional<Result> run(float[][] vectors, IdIndex items, ContentFeatures features, int maxK, long seed) {
        int[] rowOf = new int[vectors.length];
        int n = 0;
        for (int i = 0; i < vectors.length; i++) {
            rowOf[i] = -1;
            for (float v : vectors[i]) {
                if (v != 0f) {
                    rowOf[i] = n++;
                    break;
                }
            }
        }
        if (n < 3 || vectors[0].length == 0) {
            return Optional.empty();
        }
        float[][] points = new float[n][];
        for (int i = 0; i < vectors.length; i++) {
            if (rowOf[i] >= 0) {
                points[rowOf[i]] = vectors[i];
            }
        }
        int bound = Math.min(maxK, n - 1);
        KSelection.Report report = KSelection.run(points, 2, Math.max(2, bound), KMeansConfig.of(2, seed), 2000);
        int[] labels = report.best().model().labels();
        Map<String, Integer> labelOf = new HashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            if (rowOf[i] >= 0) {
                labelOf.put(items.id(i), labels[rowOf[i]]);
            }
        }
        int[] featureLabels = new int[features.itemIds().size()];
        for (int r = 0; r < featureLabels.length; r++) {
            featureLabels[r] = labelOf.getOrDefault(features.itemIds().get(r), -1);
        }
        return Optional.of(new Result(report,
                ClusterProfiles.describeMembers(featureLabels, report.best().k(), features, 5)));
    }
}
