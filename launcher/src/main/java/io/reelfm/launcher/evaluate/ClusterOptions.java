package io.reelfm.launcher.evaluate;

import io.reelfm.core.cluster.KSelection;
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
 * the last trained model described by content features. k is chosen by silhouette up to the
 * trainer's bound ({@link KSelection#largestK(int)}) unless {@code --cluster-max-k} says.
 */
final class ClusterOptions {

    @Option(names = "--cluster-max-k", description = "Largest k tried when clustering (default: the trainer's rule, "
            + "the square root of half the number of items, at most 40).")
    Integer clusterMaxK;

    @Option(names = "--fm-clusters", description = "Also cluster the FM item vectors of the last fold's model (k by silhouette), described by content features.")
    boolean fmClusters;

    @Option(names = "--no-clusters", description = "Skip the content-feature clustering and its chart.")
    boolean noClusters;

    /**
     * Content clusters of the movies in {@code dir}, rating statistics from {@code train}, measured
     * as lists on {@code test}; empty with {@code --no-clusters}.
     */
    Optional<ContentClusterRun.Report> content(Path dir, RatingSet train, RatingSet test, IdIndex items, long seed, float liked) {
        return noClusters ? Optional.empty()
                : ContentClusterRun.run(dir, train, test, items, clusterMaxK == null ? null : maxK(items.size()),
                        new ContentClusteringConfig(0.9, 2, 2, seed, 2000, 5), liked);
    }

    /** Clusters of the item vectors {@code trainer} learned last; empty unless {@code --fm-clusters} and an FM learner. */
    Optional<FmItemClusterRun.Result> fmItems(RatingTrainer trainer, Path dir, RatingSet train, IdIndex items, long seed) {
        if (!fmClusters || !(trainer instanceof FmRatingTrainer fm)) {
            return Optional.empty();
        }
        return ContentClusterRun.features(dir, train, items)
                .flatMap(features -> FmItemClusterRun.run(fm.lastItemVectors(), items, features, maxK(features.itemIds().size()), seed));
    }

    /** {@code --cluster-max-k}, or the trainer's rule for {@code n} items. */
    private int maxK(int n) {
        return clusterMaxK == null ? KSelection.largestK(n) : Math.max(2, clusterMaxK);
    }
}
