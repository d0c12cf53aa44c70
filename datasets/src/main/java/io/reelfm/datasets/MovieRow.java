package io.reelfm.datasets;

import java.util.List;

/** One catalogue entry as read from a data set; absent fields are null (genres: empty). */
public record MovieRow(String itemId, String title, Integer year, List<String> genres, String imdbId,
                       Integer runtime, String language, String region) {

    public MovieRow {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
