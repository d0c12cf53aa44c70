package io.reelfm.serving.recommend;

import io.reelfm.serving.catalog.MovieView;

import java.util.List;

/**
 * What a caller asks of a recommendation list: size, filters, whether to hide seen items, and
 * the audience segments of a profile given with the request (used only for users without ratings).
 */
public record RecommendQuery(int k, String genre, Integer yearFrom, Integer yearTo, boolean excludeSeen,
                             List<String> profileSegments) {

    public RecommendQuery {
        profileSegments = profileSegments == null ? List.of() : List.copyOf(profileSegments);
    }

    public RecommendQuery(int k, String genre, Integer yearFrom, Integer yearTo, boolean excludeSeen) {
        this(k, genre, yearFrom, yearTo, excludeSeen, List.of());
    }

    public boolean filtered() {
        return genre != null || yearFrom != null || yearTo != null;
    }

    public boolean accepts(MovieView m) {
        return (genre == null || m.hasGenre(genre)) && m.inYears(yearFrom, yearTo);
    }
}
