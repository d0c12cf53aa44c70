package io.reelfm.datasets;

import java.util.List;

/**
 * One catalogue entry as read from a data set; absent fields are null (genres: empty).
 *
 * @param imdbRating IMDb's average user rating (0–10) and {@code imdbVotes} its vote count, present
 *                   when the catalogue was completed from IMDb's dumps
 */
public record MovieRow(String itemId, String title, Integer year, List<String> genres, String imdbId,
                       Integer runtime, String language, String region, Double imdbRating, Long imdbVotes) {

    public MovieRow {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }

    /** A row without IMDb's rating, as every format but an IMDb join reads it. */
    public MovieRow(String itemId, String title, Integer year, List<String> genres, String imdbId,
                    Integer runtime, String language, String region) {
        this(itemId, title, year, genres, imdbId, runtime, language, region, null, null);
    }
}
