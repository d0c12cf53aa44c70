package io.reelfm.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;
import io.reelfm.service.http.Json;
import io.reelfm.service.validation.Problem;

class RatingValidatorTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final RatingValidator validator = new RatingValidator(RatingScale.DEFAULT, 128, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void completeRatingBecomesAnApiSourcedEvent() {
        Validated<RatingEvent> v = validator.validate(json("""
                {"userId":"196","itemId":"242","rating":3,"timestamp":881250949000,"eventId":"e1","context":{"page":"home"}}"""));

        assertThat(v.problems()).isEmpty();
        assertThat(v.value()).isEqualTo(RatingEvent.newBuilder().setEventId("e1").setUserId("196").setItemId("242")
                .setRating(3f).setTimestamp(Instant.ofEpochMilli(881250949000L)).setSource("api")
                .setContext(Map.of("page", "home")).build());
    }

    @Test
    void missingEventIdAndTimestampAreFilledWithAUuidAndNow() {
        RatingEvent e = validator.validate(json("{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":0.5}")).value();

        assertThat(UUID.fromString(e.getEventId())).isNotNull();
        assertThat(e.getTimestamp()).isEqualTo(NOW);
    }

    @Test
    void isoTimestampIsAccepted() {
        RatingEvent e = validator.validate(json(
                "{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":2.5,\"timestamp\":\"2025-12-31T23:59:59.5Z\"}")).value();

        assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2025-12-31T23:59:59.500Z"));
    }

    @Test
    void timestampWithinTheAllowedSkewIsAcceptedAndBeyondItRejected() {
        long justInside = NOW.plus(Duration.ofMinutes(5)).toEpochMilli();
        long justOutside = justInside + 1000;

        assertThat(validator.validate(json("{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":1,\"timestamp\":" + justInside + "}")).ok()).isTrue();
        assertThat(validator.validate(json("{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":1,\"timestamp\":" + justOutside + "}"))
                .problems()).extracting(Problem::field).containsExactly("timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "1", "2.5", "5", "5.0", "4.5"})
    void ratingsOnTheScaleAreAccepted(String rating) {
        assertThat(validator.validate(json("{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":" + rating + "}")).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.25", "5.5", "-1", "3.3", "1e10"})
    void ratingsOffTheScaleAreRejectedNamingTheField(String rating) {
        assertThat(validator.validate(json("{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":" + rating + "}")).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("rating");
                    assertThat(p.message()).contains("between 0.5 and 5.0 in steps of 0.5");
                });
    }

    @Test
    void everyProblemOfARowIsReportedAtOnce() {
        Validated<RatingEvent> v = validator.validate(json("{\"userId\":\"\",\"itemId\":7,\"rating\":\"x\",\"extra\":true}"));

        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).extracting(Problem::field).containsExactlyInAnyOrder("userId", "itemId", "rating", "extra");
    }

    @Test
    void idsAtTheLengthLimitPassAndOneMoreFails() {
        String ok = "a".repeat(128);
        assertThat(validator.validate(json("{\"userId\":\"" + ok + "\",\"itemId\":\"i\",\"rating\":1}")).ok()).isTrue();
        assertThat(validator.validate(json("{\"userId\":\"" + ok + "a\",\"itemId\":\"i\",\"rating\":1}")).problems())
                .singleElement().extracting(Problem::message).asString().contains("at most 128 characters but was 129");
    }

    @Test
    void idWithSurroundingWhitespaceIsRejected() {
        assertThat(validator.validate(json("{\"userId\":\" u\",\"itemId\":\"i\",\"rating\":1}")).problems())
                .singleElement().extracting(Problem::field).isEqualTo("userId");
    }

    @Test
    void tabInAnIdIsAControlCharacter() {
        assertThat(validator.validate(json("{\"userId\":\"u\\tv\",\"itemId\":\"i\",\"rating\":1}")).problems())
                .singleElement().extracting(Problem::message).asString().contains("U+0009");
    }

    @Test
    void explicitNullCountsAsMissing() {
        assertThat(validator.validate(json("{\"userId\":null,\"itemId\":\"i\",\"rating\":1}")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("is required"));
    }

    @Test
    void nonObjectRowIsRejectedAsAWhole() {
        assertThat(validator.validate(json("[1,2]")).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isNull();
                    assertThat(p.message()).contains("expected a JSON object but got an array");
                });
    }

    @Test
    void continuousScaleAcceptsAnyValueInRange() {
        RatingValidator any = new RatingValidator(new RatingScale(1, 10, 0), 128, Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(any.validate(json("{\"userId\":\"u\",\"itemId\":\"i\",\"rating\":7.31}")).value().getRating()).isEqualTo(7.31f);
    }

    static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
