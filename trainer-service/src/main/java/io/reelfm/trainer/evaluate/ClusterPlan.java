package io.reelfm.trainer.evaluate;

import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.content.ContentClusteringConfig;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.fm.FmRatingTrainer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The clusterings an evaluation runs: movies by content features, and the FM item vectors of the
 * last trained model described by content features. k is chosen by silhouette up to the
 * trainer's bound ({@link KSelection#largestK(int)}) unless {@code maxK} says.
 *
 * @param maxK            the largest k tried; null for the trainer's rule
 * @param contentFeatures cluster the movies by content features
 * @param fmItemVectors   also cluster the FM item vectors of the last fold's model
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which builds it from its clustering options.
 */
public record ClusterPlan(Integer maxK, boolean contentFeatures, boolean fmItemVectors) {

    /**
     * Content clusters of the movies in {@code dir}, rating statistics from {@code train}, measured
     * as lists on {@code test}; empty unless {@link #contentFeatures}.
     */
    Optional<ContentClusterRun.Report> content(Path dir, RatingSet train, RatingSet test, IdIndex items, long seed, float liked) {
        return !contentFeatures ? Optional.empty()
                : ContentClusterRun.run(dir, train, test, items, maxK == null ? null : largestK(items.size()),
                        new ContentClusteringConfig(0.9, 2, 2, seed, 2000, 5), liked);
    }

    /** Clusters of the item vectors {@code trainer} learned last; empty unless {@link #fmItemVectors} and an FM learner. */
    Optional<FmItemClusterRun.Result> fmItems(RatingTrainer trainer, Path dir, RatingSet train, IdIndex items, long seed) {
        if (!fmItemVectors || !(trainer instanceof FmRatingTrainer fm)) {
            return Optional.empty();
        }
        return ContentClusterRun.features(dir, train, items)
                .flatMap(features -> FmItemClusterRun.run(fm.lastItemVectors(), items, features, largestK(features.itemIds().size()), seed));
    }

    /** {@link #maxK}, or the trainer's rule for {@code n} items. */
    private int largestK(int n) {
        return maxK == null ? KSelection.largestK(n) : Math.max(2, maxK);
    }
}
