package io.reelfm.core.content;

import java.util.List;

/**
 * A movie as content features see it. Optional fields are null when the catalogue lacks them
 * (MovieLens 100K has no runtime, language, region or IMDb rating); a feature is built only when
 * at least one item has the field.
 */
public record CatalogueItem(String itemId, String title, Integer year, List<String> genres, Integer runtimeMinutes,
        String language, String region, Double imdbRating, Long imdbVotes) {

    /** An item without IMDb's rating and vote count. */
    public CatalogueItem(String itemId, String title, Integer year, List<String> genres, Integer runtimeMinutes,
                         String language, String region) {
        this(itemId, title, year, genres, runtimeMinutes, language, region, null, null);
    }

    public CatalogueItem {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("itemId is empty");
        }
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
