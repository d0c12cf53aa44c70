package io.reelfm.serving.catalog;

import java.util.List;

import io.reelfm.schemas.Movie;

/** The catalogue fields every item in a response carries. */
public record MovieView(String itemId, String title, Integer year, List<String> genres) {

    public static MovieView of(Movie m) {
        return new MovieView(m.getItemId(), m.getTitle(), m.getYear(), List.copyOf(m.getGenres()));
    }

    /** For an item the model knows but the catalogue does not (yet). */
    public static MovieView unknown(String itemId) {
        return new MovieView(itemId, null, null, List.of());
    }

    public boolean hasGenre(String genre) {
        return genres.stream().anyMatch(g -> g.equalsIgnoreCase(genre));
    }

    public boolean inYears(Integer from, Integer to) {
        if (from == null && to == null) {
            return true;
        }
        if (year == null) {
            return false;
        }
        return (from == null || year >= from) && (to == null || year <= to);
    }
}
