package io.reelfm.ingest.validate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.Movie;

/** Turns one JSON movie (the fields of the Avro {@link Movie}) into a record, or its problems. */
public final class MovieValidator {

    static final List<String> FIELDS = List.of("itemId", "title", "year", "genres", "imdbId", "runtime", "language", "region");
    static final int MAX_TITLE = 512;
    static final int MAX_GENRES = 32;
    static final int MAX_GENRE = 64;
    static final int MAX_CODE = 16;
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    private final int maxIdLength;
    private final Clock clock;

    public MovieValidator(int maxIdLength, Clock clock) {
        this.maxIdLength = maxIdLength;
        this.clock = clock;
    }

    public Validated<Movie> validate(JsonNode node) {
        return Fields.validate(node, FIELDS, maxIdLength, f -> {
            String itemId = f.requiredId("itemId");
            String title = f.requiredText("title", MAX_TITLE);
            int latestYear = clock.instant().atZone(ZoneOffset.UTC).getYear() + 10;
            Integer year = f.optionalInt("year", 1870, latestYear);
            List<String> genres = f.optionalTextList("genres", MAX_GENRES, MAX_GENRE);
            String imdbId = imdbId(f);
            Integer runtime = f.optionalInt("runtime", 1, 10_000);
            String language = f.optionalText("language", MAX_CODE);
            String region = f.optionalText("region", MAX_CODE);
            return () -> Movie.newBuilder()
                    .setItemId(itemId)
                    .setTitle(title)
                    .setYear(year)
                    .setGenres(genres != null ? genres : List.of())
                    .setImdbId(imdbId)
                    .setRuntime(runtime)
                    .setLanguage(language)
                    .setRegion(region)
                    .build();
        });
    }

    private static String imdbId(Fields f) {
        String imdbId = f.optionalText("imdbId", MAX_CODE);
        return imdbId != null && !IMDB_ID.matcher(imdbId).matches() ? f.problem("imdbId", "must look like tt0114709") : imdbId;
    }
}
