package io.reelfm.serving.catalog;

import java.util.List;

import io.reelfm.schemas.Movie;

/** The catalogue fields every item in a response carries; which items a list may hold is {@code ListFilter}'s call. */
public record MovieView(String itemId, String title, Integer year, List<String> genres) {

    public static MovieView of(Movie m) {
        return new MovieView(m.getItemId(), m.getTitle(), m.getYear(), List.copyOf(m.getGenres()));
    }

    /** For an item the model knows but the catalogue does not (yet). */
    public static MovieView unknown(String itemId) {
        return new MovieView(itemId, null, null, List.of());
    }
}
