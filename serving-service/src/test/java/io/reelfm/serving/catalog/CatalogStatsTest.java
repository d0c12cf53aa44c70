package io.reelfm.serving.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelfm.serving.topology.ItemStats;

class CatalogStatsTest {

    private final List<MovieView> catalogue = List.of(
            new MovieView("a", "A", 1999, List.of("Drama")),
            new MovieView("b", "B", 1999, List.of("Drama", "Comedy")),
            new MovieView("c", "C", 2001, List.of("Comedy")),
            new MovieView("d", "D", null, List.of()));

    @Test
    void countsMoviesPerYearAndGenreAndRatingsPerHalfStar() {
        Map<String, ItemStats> stats = Map.of(
                "a", new ItemStats().add(4f, 0).add(4.5f, 0).add(1f, 0),
                "b", new ItemStats().add(4f, 0));
        CatalogStats s = CatalogStats.of(catalogue, stats::get, 10);
        assertThat(s.movies()).isEqualTo(4);
        assertThat(s.ratedMovies()).isEqualTo(2);
        assertThat(s.ratings()).isEqualTo(4);
        assertThat(s.meanRating()).isEqualTo(3.375);
        assertThat(s.moviesWithoutYear()).isEqualTo(1);
        assertThat(s.moviesPerYear()).containsExactly(new CatalogStats.YearCount(1999, 2), new CatalogStats.YearCount(2001, 1));
        assertThat(s.genres()).containsExactly(new CatalogStats.GenreCount("Comedy", 2), new CatalogStats.GenreCount("Drama", 2));
        assertThat(s.ratingDistribution()).containsExactly(new CatalogStats.RatingCount(1f, 1),
                new CatalogStats.RatingCount(4f, 2), new CatalogStats.RatingCount(4.5f, 1));
        assertThat(s.mostRated()).extracting(CatalogStats.RatedMovie::itemId).containsExactly("a", "b");
        assertThat(s.mostRated().get(0).meanRating()).isEqualTo(3.167);
    }

    @Test
    void listsAtMostTheLimitAndNothingBeforeTheFirstRating() {
        CatalogStats none = CatalogStats.of(catalogue, id -> null, 10);
        assertThat(none.ratings()).isZero();
        assertThat(none.meanRating()).isNull();
        assertThat(none.mostRated()).isEmpty();
        Map<String, ItemStats> stats = Map.of("a", new ItemStats().add(4f, 0), "c", new ItemStats().add(3f, 0).add(3f, 0));
        assertThat(CatalogStats.of(catalogue, stats::get, 1).mostRated()).extracting(CatalogStats.RatedMovie::itemId).containsExactly("c");
    }
}
