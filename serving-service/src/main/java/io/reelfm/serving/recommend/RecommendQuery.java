package io.reelfm.serving.recommend;

import java.util.List;

import io.reelfm.serving.lists.ListFilter;

/**
 * What a caller asks of a recommendation list: its size, which items it may contain
 * ({@link ListFilter}), and the audience segments of a profile given with the request (used only
 * for users without ratings).
 */
public record RecommendQuery(int k, ListFilter filter, List<String> profileSegments) {

    public RecommendQuery {
        filter = filter == null ? ListFilter.NONE : filter;
        profileSegments = profileSegments == null ? List.of() : List.copyOf(profileSegments);
    }

    public RecommendQuery(int k, String genre, Integer yearFrom, Integer yearTo, boolean excludeSeen,
                          List<String> profileSegments) {
        this(k, new ListFilter(genre, yearFrom, yearTo, excludeSeen), profileSegments);
    }

    public RecommendQuery(int k, String genre, Integer yearFrom, Integer yearTo, boolean excludeSeen) {
        this(k, genre, yearFrom, yearTo, excludeSeen, List.of());
    }
}
