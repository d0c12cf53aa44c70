package io.reelfm.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reelfm.datasets.model.Ml100k;
import io.reelfm.datasets.model.RowAttributes;
import io.reelfm.datasets.movielens.MovieLens100k;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The content pipeline on the real MovieLens 100K catalogue; skips when the data is absent. */
class Ml100kContentClustersIT {

    @Test
    void catalogueClustersAreLedByGenresAndCoverEveryMovie() {
        Optional<Path> dir = Ml100k.locate();
        assumeTrue(dir.isPresent(), io.reelfm.datasets.download.MovieLens100kLocation.HOW_TO_GET_IT);
        List<CatalogueItem> catalogue = new ArrayList<>();
        MovieLens100k.readMovies(dir.get().resolve("u.item"),
                m -> catalogue.add(RowAttributes.catalogueItem(m)),
                bad -> {
                    throw new AssertionError(bad.toString());
                });
        Map<String, ItemStats> stats = new HashMap<>();
        MovieLens100k.readRatings(dir.get().resolve("u1.base"),
                r -> stats.computeIfAbsent(r.itemId(), k -> new ItemStats()).add(r.rating()),
                bad -> {
                    throw new AssertionError(bad.toString());
                });
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, stats);
        assertThat(features.itemIds()).hasSize(1682);
        assertThat(features.featureNames()).contains("genre:Drama", "year", "mean_rating", "log_ratings");

        ContentClustering.Result result = ContentClustering.run(features, new ContentClusteringConfig(0.9, 2, 10, 42, 1000, 3));
        assertThat(result.pca().keptVarianceRatio()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.pca().components()).isLessThan(features.featureNames().size());
        assertThat(result.selection().best().silhouette()).isPositive();
        assertThat(result.profiles().stream().mapToInt(ClusterProfile::size).sum()).isEqualTo(1682);
        long genreLed = result.profiles().stream().filter(p -> p.dominant().get(0).feature().startsWith("genre:")).count();
        assertThat(genreLed).isGreaterThanOrEqualTo(result.profiles().size() / 2);
    }
}
