package io.reelfm.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentFeaturesTest {

    @Test
    void buildsOneHotGenresYearAndRatingStatisticsScaledToUnitRange() {
        List<CatalogueItem> catalogue = List.of(
                new CatalogueItem("1", "A", 1990, List.of("Drama"), null, null, null),
                new CatalogueItem("2", "B", 2000, List.of("Comedy", "Drama"), null, null, null),
                new CatalogueItem("3", "C", null, List.of(), null, null, null));
        Map<String, ItemStats> stats = Map.of("1", new ItemStats(9, 4.0), "2", new ItemStats(0, 0), "3", new ItemStats(99, 2.0));
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, stats);
        assertThat(features.featureNames()).containsExactly("genre:Comedy", "genre:Drama", "year", "mean_rating", "log_ratings");
        float[][] v = features.values();
        assertThat(v[0]).containsExactly(0f, 1f, 0f, 1f, (float) (Math.log(10) / Math.log(100)));
        // item 2 is unrated: mean rating = mean of rated items' means (3.0), count 0
        assertThat(v[1]).containsExactly(1f, 1f, 1f, 0.5f, 0f);
        // item 3 has no year: the mean of known years (1995) scales to 0.5
        assertThat(v[2][2]).isCloseTo(0.5f, within(1e-6f));
        assertThat(v[2][4]).isEqualTo(1f);
    }

    @Test
    void addsRuntimeLanguageAndRegionOnlyWhenTheCatalogueHasThem() {
        List<CatalogueItem> catalogue = List.of(
                new CatalogueItem("1", "A", 1990, List.of("Drama"), 90, "en", "US"),
                new CatalogueItem("2", "B", 2000, List.of("Drama"), 150, "fr", "FR"));
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, Map.of());
        assertThat(features.featureNames()).containsExactly("genre:Drama", "year", "runtime", "language:en",
                "language:fr", "region:FR", "region:US", "mean_rating", "log_ratings");
        assertThat(features.values()[1]).containsExactly(0f, 1f, 1f, 0f, 1f, 1f, 0f, 0f, 0f);
    }

    @Test
    void addsImdbRatingAndVotesWhenSomeItemsHaveThemAndFillsTheRestWithTheMean() {
        List<CatalogueItem> catalogue = List.of(
                new CatalogueItem("1", "A", 1990, List.of("Drama"), null, null, null, 8.0, 999L),
                new CatalogueItem("2", "B", 2000, List.of("Drama"), null, null, null, 6.0, 9L),
                new CatalogueItem("3", "C", 1995, List.of("Drama"), null, null, null));
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, Map.of());
        assertThat(features.featureNames()).containsExactly("genre:Drama", "year", "imdb_rating", "log_imdb_votes",
                "mean_rating", "log_ratings");
        assertThat(features.values()[0][2]).isEqualTo(1f);
        assertThat(features.values()[1][2]).isEqualTo(0f);
        assertThat(features.values()[2][2]).isCloseTo(0.5f, within(1e-6f));
        assertThat(features.values()[0][3]).isEqualTo(1f);
    }

    @Test
    void keepsTheMostCommonLanguagesAsColumnsAndTheRestAsOther() {
        List<CatalogueItem> catalogue = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String language = i < 20 ? "en" : i < 30 ? "fr" : "l" + i;
            catalogue.add(new CatalogueItem("m" + i, "T", 2000, List.of("Drama"), null, language, null));
        }
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, Map.of());
        List<String> languages = features.featureNames().stream().filter(n -> n.startsWith("language:")).toList();

        assertThat(languages).hasSize(ContentFeatureBuilder.TOP_CODES + 1).contains("language:en", "language:fr", "language:other");
        int other = features.featureNames().indexOf("language:other");
        long inOther = java.util.Arrays.stream(features.values()).filter(row -> row[other] == 1f).count();
        assertThat(inOther).isEqualTo(10 - (ContentFeatureBuilder.TOP_CODES - 2));
    }

    @Test
    void streamingStatsKeepCountAndMean() {
        ItemStats stats = new ItemStats();
        stats.add(5);
        stats.add(3);
        stats.add(4);
        assertThat(stats.count()).isEqualTo(3);
        assertThat(stats.mean()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void rejectsEmptyItemId() {
        assertThatThrownBy(() -> new CatalogueItem(" ", "x", null, null, null, null, null)).hasMessageContaining("itemId");
    }

    @Test
    void pipelineFindsGenreClustersAndNamesTheirDominantGenre() {
        List<CatalogueItem> catalogue = new ArrayList<>();
        Map<String, ItemStats> stats = new HashMap<>();
        String[] genres = {"Horror", "Comedy", "Western"};
        for (int i = 0; i < 90; i++) {
            String genre = genres[i % 3];
            catalogue.add(new CatalogueItem("m" + i, "t" + i, 1990 + (i % 5), List.of(genre), null, null, null));
            stats.put("m" + i, new ItemStats(10 + i % 7, 3 + (i % 3) * 0.1));
        }
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, stats);
        ContentClustering.Result result = ContentClustering.run(features, new ContentClusteringConfig(0.9, 2, 5, 42, 500, 3));
        assertThat(result.pca().keptVarianceRatio()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.selection().scores()).hasSize(4);
        assertThat(result.selection().best().k()).isGreaterThanOrEqualTo(3);
        List<String> leading = result.profiles().stream().map(p -> p.dominant().get(0).feature()).toList();
        assertThat(leading).allMatch(f -> f.startsWith("genre:") || f.equals("year") || f.startsWith("mean") || f.startsWith("log"));
        assertThat(leading).contains("genre:Horror", "genre:Comedy", "genre:Western");
        ClusterProfile horror = result.profiles().stream()
                .filter(p -> p.dominant().get(0).feature().equals("genre:Horror")).findFirst().orElseThrow();
        assertThat(horror.dominant().get(0).departure()).isPositive();
    }

    @Test
    void memberProfilesAverageTheContentFeaturesOfEachCluster() {
        List<CatalogueItem> catalogue = List.of(
                new CatalogueItem("1", "A", null, List.of("Horror"), null, null, null),
                new CatalogueItem("2", "B", null, List.of("Horror"), null, null, null),
                new CatalogueItem("3", "C", null, List.of("Comedy"), null, null, null),
                new CatalogueItem("4", "D", null, List.of("Comedy"), null, null, null));
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, Map.of());
        List<ClusterProfile> profiles = ClusterProfiles.describeMembers(new int[] {1, 1, 0, -1}, 2, features, 1);
        assertThat(profiles.get(1).size()).isEqualTo(2);
        assertThat(profiles.get(1).dominant().get(0).feature()).isEqualTo("genre:Comedy");
        assertThat(profiles.get(1).dominant().get(0).departure()).isCloseTo(-0.5, within(1e-9));
        assertThat(profiles.get(0).size()).isEqualTo(1);
        assertThat(profiles.get(0).dominant().get(0).centroidValue()).isEqualTo(1.0);
    }
}
