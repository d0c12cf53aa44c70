package io.reelfm.serving.recommend;

import io.reelfm.serving.catalog.MovieView;

/** What a caller asks of a recommendation list: size, filters and whether to hide seen items. */
public record RecommendQuery(int k, String genre, Integer yearFrom, Integer yearTo, boolean excludeSeen) {

    public boolean filtered() {
        return genre != null || yearFrom != null || yearTo != null;
    }

    public boolean accepts(MovieView m) {
        return (genre == null || m.hasGenre(genre)) && m.inYears(yearFrom, yearTo);
    }
}
