package io.reelfm.launcher.evaluate;

import io.reelfm.core.content.CatalogueItem;
import io.reelfm.core.content.ContentClustering;
import io.reelfm.core.content.ContentClusteringConfig;
import io.reelfm.core.content.ContentFeatureBuilder;
import io.reelfm.core.content.ContentFeatures;
import io.reelfm.core.content.ItemStats;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.UnrecognizedDatasetException;
import io.reelfm.datasets.format.DatasetFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clusters the data set's movies by content (genres, year, rating statistics from the training
 * ratings) for the silhouette-vs-k chart and the cluster table of the report. The catalogue is
 * read through {@link Dataset#open}, so any format {@code evaluate --data} accepts has its
 * clusters; absent when there is no data set directory (a {@code --train} file alone) or the
 * catalogue has fewer than three movies.
 */
final class ContentClusterRun {

    private ContentClusterRun() {
    }

    static Optional<ContentClustering.Result> run(Path dir, RatingSet ratings, IdIndex items, ContentClusteringConfig config) {
        Optional<ContentFeatures> features = features(dir, ratings, items);
        if (features.isEmpty()) {
            return Optional.empty();
        }
        int n = features.get().itemIds().size();
        int maxK = Math.min(config.maxK(), n - 1);
        ContentClusteringConfig bounded = new ContentClusteringConfig(config.varianceToKeep(), Math.min(config.minK(), maxK),
                maxK, config.seed(), config.silhouetteSample(), config.topFeatures());
        return Optional.of(ContentClustering.run(features.get(), bounded));
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
                m -> catalogue.add(new CatalogueItem(m.itemId(), m.title(), m.year(), m.genres(), m.runtime(), m.language(), m.region())),
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
