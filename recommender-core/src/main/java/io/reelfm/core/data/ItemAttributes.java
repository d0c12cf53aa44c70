package io.reelfm.core.data;

import java.util.List;

/**
 * What the models read of a catalogue entry: the release year (null when unknown) and the
 * genres (empty when unknown). Titles, IMDb ids and the like stay with the catalogue; no model
 * reads them. Core's own type, so the model API takes neither a data-file row nor a Kafka
 * record: the trainer maps its movie records onto it, batch tools their file rows.
 */
public record ItemAttributes(Integer year, List<String> genres) {

    public ItemAttributes {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
