package io.reelfm.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.http.Json;
import io.reelfm.service.validation.Problem;

/** The typed rules replay uses are the ones behind the JSON validators: same verdicts, same messages. */
class RecordRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final RecordRules rules = new RecordRules(RatingScale.DEFAULT, 128, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTypedRatingIsBuiltLikeAJsonOne() {
        Validated<RatingEvent> typed = rules.rating("e1", "196", "242", 3.0, Instant.ofEpochMilli(881250949000L), "api", null);
        Validated<RatingEvent> json = new RatingValidator(rules).validate(Json.mapper().valueToTree(java.util.Map.of(
                "eventId", "e1", "userId", "196", "itemId", "242", "rating", 3, "timestamp", 881250949000L)));

        assertThat(typed.ok()).isTrue();
        assertThat(typed.value()).isEqualTo(json.value());
        assertThat(RecordRules.ratingRecord("e1", "196", "242", 3f, Instant.ofEpochMilli(881250949000L), "api", null))
                .isEqualTo(typed.value());
    }

    @Test
    void aRatingOffTheScaleWithAPaddedIdInTheFutureIsRejectedWithTheApisMessages() {
        List<Problem> typed = rules.ratingProblems("e1", " 196", "242", 5.5, NOW.plus(Duration.ofDays(1)));
        List<Problem> json = new RatingValidator(rules).validate(Json.mapper().valueToTree(java.util.Map.of(
                "eventId", "e1", "userId", " 196", "itemId", "242", "rating", 5.5,
                "timestamp", NOW.plus(Duration.ofDays(1)).toEpochMilli()))).problems();

        assertThat(typed).extracting(Problem::field).containsExactlyInAnyOrder("userId", "rating", "timestamp");
        assertThat(typed).containsExactlyInAnyOrderElementsOf(json);
    }

    @Test
    void aRatingBeforeTheEpochOrWithAnOverlongEventIdIsRejected() {
        assertThat(rules.ratingProblems("x".repeat(129), "u", "i", 4, Instant.ofEpochMilli(-1)))
                .extracting(Problem::field).containsExactlyInAnyOrder("eventId", "timestamp");
    }

    @Test
    void missingRequiredFieldsAreReportedOnce() {
        Validated<RatingEvent> v = rules.rating(null, null, "i", null, null, "api", null);

        assertThat(v.problems()).containsExactlyInAnyOrder(Problem.of("userId", "is required"), Problem.of("rating", "is required"));
    }

    @Test
    void moviesAndUsersFollowTheCatalogueRules() {
        Validated<Movie> good = rules.movie("1", "Toy Story (1995)", 1995, List.of("Animation"), "tt0114709", 81, "en", "US", 8.3, 1_100_000L);
        Validated<Movie> bad = rules.movie("1", " ", 1200, List.of("Animation", ""), "114709", 0, null, null, 11.0, -1L);
        Validated<UserProfile> user = rules.user("u1", 151, "M", "\u0007");

        assertThat(good.ok()).isTrue();
        assertThat(good.value().getGenres()).containsExactly("Animation");
        assertThat(good.value().getImdbRating()).isEqualTo(8.3);
        assertThat(good.value().getImdbVotes()).isEqualTo(1_100_000L);
        assertThat(bad.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("title", "year", "genres[1]", "imdbId", "runtime", "imdbRating", "imdbVotes");
        assertThat(user.problems()).extracting(Problem::field).containsExactlyInAnyOrder("age", "occupation");
    }
}
