package io.reelfm.serving.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import io.reelfm.serving.topology.ItemStats;

/**
 * What the catalogue and its ratings look like as a whole, for the page's charts: movies per
 * release year and per genre, how ratings are distributed over the scale, and each movie's mean
 * rating against its number of ratings. Computed from the catalogue and the per-item statistics
 * every instance holds, so any instance answers alike.
 *
 * @param movies             movies in the catalogue
 * @param ratedMovies        movies with at least one rating
 * @param ratings            ratings counted
 * @param meanRating         mean of all ratings; null before the first
 * @param moviesWithoutYear  movies whose release year is unknown (not in {@code moviesPerYear})
 * @param moviesPerYear      oldest year first
 * @param genres             most common first
 * @param ratingDistribution ratings per half-star bin, lowest first
 * @param mostRated          the {@code limit} most-rated movies, most-rated first
 */
public record CatalogStats(int movies, int ratedMovies, long ratings, Double meanRating, int moviesWithoutYear,
                           List<YearCount> moviesPerYear, List<GenreCount> genres,
                           List<RatingCount> ratingDistribution, List<RatedMovie> mostRated) {

    public record YearCount(int year, int movies) {
    }

    public record GenreCount(String genre, int movies) {
    }

    public record RatingCount(float rating, long count) {
    }

    public record RatedMovie(String itemId, String title, Integer year, long ratings, double meanRating) {
    }

    /**
     * @param stats an item's statistics, or null when it was never rated
     * @param limit how many movies {@code mostRated} lists at most
     */
    public static CatalogStats of(List<MovieView> catalogue, Function<String, ItemStats> stats, int limit) {
        SortedMap<Integer, Integer> perYear = new TreeMap<>();
        Map<String, Integer> perGenre = new TreeMap<>();
        SortedMap<Float, Long> distribution = new TreeMap<>();
        List<RatedMovie> rated = new ArrayList<>();
        int withoutYear = 0;
        long ratings = 0;
        double sum = 0;
        for (MovieView m : catalogue) {
            if (m.year() == null) {
                withoutYear++;
            } else {
                perYear.merge(m.year(), 1, Integer::sum);
            }
            m.genres().forEach(g -> perGenre.merge(g, 1, Integer::sum));
            ItemStats s = stats.apply(m.itemId());
            if (s == null || s.count() == 0) {
                continue;
            }
            ratings += s.count();
            sum += s.sum();
            s.histogram().forEach((bin, n) -> distribution.merge(bin, n, Long::sum));
            rated.add(new RatedMovie(m.itemId(), m.title(), m.year(), s.count(), Math.round(s.mean() * 1000) / 1000.0));
        }
        rated.sort(Comparator.comparingLong(RatedMovie::ratings).reversed().thenComparing(RatedMovie::itemId));
        List<GenreCount> genres = new ArrayList<>();
        perGenre.forEach((g, n) -> genres.add(new GenreCount(g, n)));
        genres.sort(Comparator.comparingInt(GenreCount::movies).reversed().thenComparing(GenreCount::genre));
        return new CatalogStats(catalogue.size(), rated.size(), ratings,
                ratings == 0 ? null : Math.round(sum / ratings * 1000) / 1000.0, withoutYear,
                perYear.entrySet().stream().map(e -> new YearCount(e.getKey(), e.getValue())).toList(),
                List.copyOf(genres),
                distribution.entrySet().stream().map(e -> new RatingCount(e.getKey(), e.getValue())).toList(),
                List.copyOf(rated.subList(0, Math.min(limit, rated.size()))));
    }
}
