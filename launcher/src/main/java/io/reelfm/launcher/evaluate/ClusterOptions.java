package io.reelfm.launcher.evaluate;

import io.reelfm.core.content.ContentClustering;
import io.reelfm.core.content.ContentClusteringConfig;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.fm.FmRatingTrainer;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --cluster-max-k}, {@code --fm-clusters} and {@code --no-clusters} of {@code evaluate},
 * and the two clusterings they ask for: movies by content features, and the FM item vectors of
 * the last trained model described by content features.
 */
final class ClusterOptions {

    @Option(names = "--cluster-max-k", defaultValue = "12", description = "Largest k tried when clustering content features (default: ${DEFAULT-VALUE}).")
    int clusterMaxK;

    @Option(names = "--fm-clusters", description = "Also cluster the FM item vectors of the last fold's model (k by silhouette), described by content features.")
    boolean fmClusters;

    @Option(names = "--no-clusters", description = "Skip the content-feature clustering and its chart.")
    boolean noClusters;

    /** Content clusters of the movies in {@code dir}, rating statistics from {@code train}; empty with {@code --no-clusters}. */
    Optional<ContentClustering.Result> content(Path dir, RatingSet train, IdIndex items, long seed) {
        return noClusters ? Optional.empty()
                : ContentClusterRun.run(dir, train, items, new ContentClusteringConfig(0.9, 2, maxK(), seed, 2000, 5));
    }

    /** Clusters of the item vectors {@code trainer} learned last; empty unless {@code --fm-clusters} and an FM learner. */
    Optional<FmItemClusterRun.Result> fmItems(RatingTrainer trainer, Path dir, RatingSet train, IdIndex items, long seed) {
        if (!fmClusters || !(trainer instanceof FmRatingTrainer fm)) {
            return Optional.empty();
        }
        return ContentClusterRun.features(dir, train, items)
                .flatMap(features -> FmItemClusterRun.run(fm.lastItemVectors(), items, features, maxK(), seed));
    }

    private int maxK() {
        return Math.max(2, clusterMaxK);
    }
}
