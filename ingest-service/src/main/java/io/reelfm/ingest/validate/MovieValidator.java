package io.reelfm.ingest.validate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingScale;

/**
 * Turns one JSON movie (the fields of the Avro {@link Movie}) into a record, or its problems;
 * the {@link RecordRules} decide what a valid movie is, for replayed catalogues too.
 */
public final class MovieValidator {

    static final List<String> FIELDS = List.of("itemId", "title", "year", "genres", "imdbId", "runtime", "language", "region", "imdbRating",
            "imdbVotes");

    private final RecordRules rules;

    public MovieValidator(RecordRules rules) {
        this.rules = rules;
    }

    public MovieValidator(int maxIdLength, Clock clock) {
        this(new RecordRules(RatingScale.DEFAULT, maxIdLength, Duration.ZERO, clock));
    }

    public Validated<Movie> validate(JsonNode node) {
        return Fields.validate(node, FIELDS, f -> rules.movie(f.problems(), f.text("itemId"), f.text("title"),
                f.integer("year"), f.textList("genres"), f.text("imdbId"), f.integer("runtime"), f.text("language"),
                f.text("region"), f.number("imdbRating"), f.longInteger("imdbVotes")));
    }
}
