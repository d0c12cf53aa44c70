package io.reelfm.ingest.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.ingest.validate.RecordRules;
import io.reelfm.ingest.validate.Validated;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.validation.Problem;

/**
 * Turns data set rows into the typed records on the topics, through the same {@link RecordRules}
 * as the HTTP API: a row the API would reject is not published but reported as a {@link BadLine}.
 */
public final class Events {

    /** The {@code source} of every replayed rating. */
    public static final String SOURCE = "replay";

    private Events() {
    }

    /**
     * The event id is derived from the data set and the row ({@code <dataset>:<user>:<item>:<millis>}),
     * so replaying the same data set twice produces the same ids and consumers drop the repeats.
     */
    public static String eventId(String dataset, String userId, String itemId, long timestampMillis) {
        return dataset + ':' + userId + ':' + itemId + ':' + timestampMillis;
    }

    /** Every problem the record rules find with this rating; empty when it may be published. */
    public static List<Problem> ratingProblems(RecordRules rules, String dataset, String userId, String itemId, float rating,
                                               long timestampMillis) {
        return rules.ratingProblems(eventId(dataset, userId, itemId, timestampMillis), userId, itemId, rating,
                Instant.ofEpochMilli(timestampMillis));
    }

    /** The record of a rating {@link #ratingProblems} accepted. */
    public static RatingEvent rating(String dataset, String userId, String itemId, float rating, long timestampMillis) {
        return RecordRules.ratingRecord(eventId(dataset, userId, itemId, timestampMillis), userId, itemId, rating,
                Instant.ofEpochMilli(timestampMillis), SOURCE, null);
    }

    public static Validated<Movie> movie(RecordRules rules, MovieRow row) {
        return rules.movie(row.itemId(), row.title(), row.year(), row.genres(), row.imdbId(), row.runtime(), row.language(),
                row.region(), row.imdbRating(), row.imdbVotes());
    }

    public static Validated<UserProfile> user(RecordRules rules, UserRow row) {
        return rules.user(row.userId(), row.age(), row.gender(), row.occupation());
    }

    /**
     * A row the record rules rejected, as a bad line: the "file" names the data set and the
     * stream ({@code ml-100k ratings}), the "line" is the row's 1-based position in that stream.
     */
    static BadLine rejected(String dataset, String stream, long position, List<Problem> problems, Object row) {
        return new BadLine(Path.of(dataset + " " + stream), position, "rejected by the ingest record rules: "
                + String.join("; ", problems.stream().map(Problem::toString).toList()), String.valueOf(row));
    }
}
