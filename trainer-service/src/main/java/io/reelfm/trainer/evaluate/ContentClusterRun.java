package io.reelfm.trainer.evaluate;

import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.content.CatalogueItem;
import io.reelfm.core.content.ContentClustering;
import io.reelfm.core.content.ContentClusteringConfig;
import io.reelfm.core.content.ContentFeatureBuilder;
import io.reelfm.core.content.ContentFeatures;
import io.reelfm.core.content.ItemStats;
import io.reelfm.core.content.SameClusterHitRate;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.UnrecognizedDatasetException;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.datasets.model.RowAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clusters the data set's movies by content (genres, year, rating statistics from the training
 * ratings) for the silhouette-vs-k chart and the cluster table of the report, and measures the
 * clusters as lists: the same-cluster hit rate of each user's test likes against their training
 * likes, beside random clusters of the same sizes. The catalogue is
 * read through {@link Dataset#open}, so any format {@code evaluate --data} accepts has its
 * clusters; absent when there is no data set directory (a {@code --train} file alone) or the
 * catalogue has fewer than three movies.
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which prints and reports its {@link Report}.
 */
public final class ContentClusterRun {

    private ContentClusterRun() {
    }

    /** The clustering and how well its lists predict what people go on to like. */
    public record Report(ContentClustering.Result clustering, SameClusterHitRate hitRate) {
    }

    /**
     * @param maxK  the largest k tried; null for {@link KSelection#largestK(int)}, the trainer's rule
     * @param liked a rating at or above this is a like, for the same-cluster hit rate
     */
    static Optional<Report> run(Path dir, RatingSet train, RatingSet test, IdIndex items, Integer maxK,
                                ContentClusteringConfig config, float liked) {
        Optional<ContentFeatures> features = features(dir, train, items);
        if (features.isEmpty()) {
            return Optional.empty();
        }
        int n = features.get().itemIds().size();
        int largest = Math.min(maxK == null ? KSelection.largestK(n) : maxK, n - 1);
        ContentClusteringConfig bounded = new ContentClusteringConfig(config.varianceToKeep(), Math.min(config.minK(), largest),
                largest, config.seed(), config.silhouetteSample(), config.topFeatures());
        ContentClustering.Result result = ContentClustering.run(features.get(), bounded);
        int[] clusterOf = new int[items.size()];
        Arrays.fill(clusterOf, -1);
        int[] labels = result.selection().best().model().labels();
        for (int j = 0; j < labels.length; j++) {
            int index = items.find(features.get().itemIds().get(j));
            if (index >= 0) {
                clusterOf[index] = labels[j];
            }
        }
        return Optional.of(new Report(result, SameClusterHitRate.measure(clusterOf, train, test, liked)));
    }

    /**
     * Scaled content features of the data set's movies, rating statistics from {@code ratings}.
     * Bad catalogue lines are skipped, as the evaluation's side information skips them.
     */
    static Optional<ContentFeatures> features(Path dir, RatingSet ratings, IdIndex items) {
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Dataset dataset;
        try {
            dataset = DatasetFormat.open(dir);
        } catch (UnrecognizedDatasetException e) {
            return Optional.empty();
        }
        List<CatalogueItem> catalogue = new ArrayList<>();
        dataset.movies(
                m -> catalogue.add(RowAttributes.catalogueItem(m)),
                new LineErrors());
        if (catalogue.size() < 3) {
            return Optional.empty();
        }
        Map<String, ItemStats> stats = new HashMap<>();
        for (int r = 0; r < ratings.size(); r++) {
            stats.computeIfAbsent(items.id(ratings.item(r)), k -> new ItemStats()).add(ratings.value(r));
        }
        return Optional.of(ContentFeatureBuilder.build(catalogue, stats));
    }
}
