package io.reelfm.ingest.validate;

import static io.reelfm.ingest.validate.FieldChecks.between;
import static io.reelfm.ingest.validate.FieldChecks.id;
import static io.reelfm.ingest.validate.FieldChecks.imdbScore;
import static io.reelfm.ingest.validate.FieldChecks.optionalText;
import static io.reelfm.ingest.validate.FieldChecks.problem;
import static io.reelfm.ingest.validate.FieldChecks.required;
import static io.reelfm.ingest.validate.FieldChecks.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.validation.Problem;

/**
 * The one rule for what a valid rating, movie and user record is, and the one place each is
 * built. Both writers of the input topics go through it: the HTTP validators, once
 * {@link Fields} has read the JSON types of a row, and the replay of a data set, for every row
 * it reads. So the two cannot drift: a rating off the configured {@link RatingScale}, an id
 * with surrounding whitespace or a timestamp beyond the allowed clock skew is rejected by both,
 * with the same message.
 *
 * <p>Values are typed; {@code null} means absent. A required field that is null is reported as
 * missing unless a problem about that field was recorded already (the JSON reader reports a
 * value of the wrong type and passes null on).
 */
public final class RecordRules {

    static final int MAX_CONTEXT_ENTRIES = 32;
    static final int MAX_CONTEXT_LENGTH = 256;
    static final int MAX_TITLE = 512;
    static final int MAX_GENRES = 32;
    static final int MAX_GENRE = 64;
    static final int MAX_CODE = 16;
    static final int MIN_YEAR = 1870;
    static final int MAX_RUNTIME = 10_000;
    static final int MAX_AGE = 150;
    static final int MAX_USER_TEXT = 128;
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    private final RatingScale scale;
    private final int maxIdLength;
    private final Duration maxFutureSkew;
    private final Clock clock;

    /**
     * @param scale         the ratings accepted
     * @param maxIdLength   longest userId, itemId or eventId
     * @param maxFutureSkew how far past {@code clock} a rating's timestamp may lie
     */
    public RecordRules(RatingScale scale, int maxIdLength, Duration maxFutureSkew, Clock clock) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.maxIdLength = maxIdLength;
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxIdLength < 1) {
            throw new IllegalArgumentException("maxIdLength must be >= 1, was " + maxIdLength);
        }
    }

    /** The rules of an ingest service with this configuration. */
    public static RecordRules of(IngestConfig config, Clock clock) {
        return new RecordRules(config.ratingScale(), config.maxIdLength(), config.maxFutureSkew(), clock);
    }

    /** The rules of an ingest service left at its defaults. */
    public static RecordRules defaults() {
        return of(IngestConfig.defaults(), Clock.systemUTC());
    }

    public RatingScale scale() {
        return scale;
    }

    // ---- ratings

    /**
     * Checks a rating and builds it: a null eventId becomes a random UUID, a null timestamp the
     * clock's now.
     */
    public Validated<RatingEvent> rating(String eventId, String userId, String itemId, Double rating, Instant timestamp,
                                         String source, Map<String, String> context) {
        return rating(new ArrayList<>(), eventId, userId, itemId, rating, null, timestamp, null, source, context);
    }

    /** Every problem of a rating with all its fields given, without building it; empty when it is valid. */
    public List<Problem> ratingProblems(String eventId, String userId, String itemId, double rating, Instant timestamp) {
        List<Problem> problems = new ArrayList<>(0);
        checkRating(problems, eventId, userId, itemId, rating, null, timestamp, null, null, clock.instant());
        return problems;
    }

    /**
     * The rating record, unchecked: for values {@link #ratingProblems} or {@link #rating} accepted.
     * Replay builds every rating it publishes here, after checking it while reading.
     */
    public static RatingEvent ratingRecord(String eventId, String userId, String itemId, float rating, Instant timestamp,
                                           String source, Map<String, String> context) {
        // the constructor, not the builder: a replay makes millions of these and the builder's
        // per-field validation and default lookups cost as much as encoding them
        return new RatingEvent(eventId, userId, itemId, rating, timestamp, source, context);
    }

    /**
     * @param ratingAsWritten    the rating as the client wrote it, for the message; null: the number itself
     * @param timestampAsWritten the timestamp as the client wrote it, for the message; null: the instant
     */
    Validated<RatingEvent> rating(List<Problem> problems, String eventId, String userId, String itemId, Double rating,
                                  String ratingAsWritten, Instant timestamp, String timestampAsWritten, String source,
                                  Map<String, String> context) {
        Instant now = clock.instant();
        checkRating(problems, eventId, userId, itemId, rating, ratingAsWritten, timestamp, timestampAsWritten, context, now);
        if (!problems.isEmpty()) {
            return Validated.of(null, problems);
        }
        return Validated.of(ratingRecord(eventId != null ? eventId : UUID.randomUUID().toString(), userId, itemId,
                rating.floatValue(), timestamp != null ? timestamp : now, source, context), problems);
    }

    private void checkRating(List<Problem> problems, String eventId, String userId, String itemId, Double rating,
                             String ratingAsWritten, Instant timestamp, String timestampAsWritten,
                             Map<String, String> context, Instant now) {
        id(problems, maxIdLength, "userId", userId, true);
        id(problems, maxIdLength, "itemId", itemId, true);
        if (required(problems, "rating", rating) && !scale.accepts(rating)) {
            problem(problems, "rating", "must be " + scale.describe() + " but was "
                    + (ratingAsWritten != null ? ratingAsWritten : rating));
        }
        if (timestamp != null) {
            if (timestamp.isBefore(Instant.EPOCH)) {
                problem(problems, "timestamp", "must not be before 1970-01-01T00:00:00Z but was "
                        + (timestampAsWritten != null ? timestampAsWritten : timestamp));
            } else if (timestamp.isAfter(now.plus(maxFutureSkew))) {
                problem(problems, "timestamp", "is " + Duration.between(now, timestamp).toSeconds()
                        + "s in the future; at most " + maxFutureSkew.toSeconds() + "s of clock skew is allowed");
            }
        }
        id(problems, maxIdLength, "eventId", eventId, false);
        if (context != null) {
            if (context.size() > MAX_CONTEXT_ENTRIES) {
                problem(problems, "context", "must have at most " + MAX_CONTEXT_ENTRIES + " entries but had " + context.size());
            } else {
                for (Map.Entry<String, String> e : context.entrySet()) {
                    String field = "context." + e.getKey();
                    text(problems, field, e.getKey(), MAX_CONTEXT_LENGTH);
                    text(problems, field, e.getValue(), MAX_CONTEXT_LENGTH);
                }
            }
        }
    }

    // ---- movies

    public Validated<Movie> movie(String itemId, String title, Integer year, List<String> genres, String imdbId,
                                  Integer runtime, String language, String region, Double imdbRating, Long imdbVotes) {
        return movie(new ArrayList<>(), itemId, title, year, genres, imdbId, runtime, language, region, imdbRating, imdbVotes);
    }

    Validated<Movie> movie(List<Problem> problems, String itemId, String title, Integer year, List<String> genres,
                           String imdbId, Integer runtime, String language, String region, Double imdbRating, Long imdbVotes) {
        id(problems, maxIdLength, "itemId", itemId, true);
        if (required(problems, "title", title)) {
            text(problems, "title", title, MAX_TITLE);
        }
        between(problems, "year", year, MIN_YEAR, clock.instant().atZone(ZoneOffset.UTC).getYear() + 10);
        if (genres != null) {
            if (genres.size() > MAX_GENRES) {
                problem(problems, "genres", "must have at most " + MAX_GENRES + " entries but had " + genres.size());
            } else {
                for (int i = 0; i < genres.size(); i++) {
                    text(problems, "genres[" + i + "]", genres.get(i), MAX_GENRE);
                }
            }
        }
        if (imdbId != null && text(problems, "imdbId", imdbId, MAX_CODE) && !IMDB_ID.matcher(imdbId).matches()) {
            problem(problems, "imdbId", "must look like tt0114709");
        }
        between(problems, "runtime", runtime, 1, MAX_RUNTIME);
        optionalText(problems, "language", language, MAX_CODE);
        optionalText(problems, "region", region, MAX_CODE);
        imdbScore(problems, imdbRating, imdbVotes);
        if (!problems.isEmpty()) {
            return Validated.of(null, problems);
        }
        return Validated.of(Movie.newBuilder()
                .setItemId(itemId)
                .setTitle(title)
                .setYear(year)
                .setGenres(genres != null ? new ArrayList<>(genres) : List.of())
                .setImdbId(imdbId)
                .setRuntime(runtime)
                .setLanguage(language)
                .setRegion(region)
                .setImdbRating(imdbRating)
                .setImdbVotes(imdbVotes)
                .build(), problems);
    }

    // ---- users

    public Validated<UserProfile> user(String userId, Integer age, String gender, String occupation) {
        return user(new ArrayList<>(), userId, age, gender, occupation);
    }

    Validated<UserProfile> user(List<Problem> problems, String userId, Integer age, String gender, String occupation) {
        id(problems, maxIdLength, "userId", userId, true);
        between(problems, "age", age, 0, MAX_AGE);
        optionalText(problems, "gender", gender, MAX_USER_TEXT);
        optionalText(problems, "occupation", occupation, MAX_USER_TEXT);
        if (!problems.isEmpty()) {
            return Validated.of(null, problems);
        }
        return Validated.of(UserProfile.newBuilder()
                .setUserId(userId)
                .setAge(age)
                .setGender(gender)
                .setOccupation(occupation)
                .build(), problems);
    }
}
