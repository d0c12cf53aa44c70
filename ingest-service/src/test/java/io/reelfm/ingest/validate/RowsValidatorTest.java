package io.reelfm.ingest.validate;

import static io.reelfm.ingest.validate.RatingValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;
import io.reelfm.service.validation.Problem;

class RowsValidatorTest {

    private final RatingValidator ratings = new RatingValidator(RatingScale.DEFAULT, 128, Duration.ofMinutes(5),
            Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void oneBadRowRejectsTheWholeBatchWithItsIndex() {
        Validated<List<RatingEvent>> v = RowsValidator.validate(List.of(
                json("{\"userId\":\"u\",\"itemId\":\"a\",\"rating\":1}"),
                json("{\"userId\":\"u\",\"itemId\":\"b\",\"rating\":1}"),
                json("{\"userId\":\"u\",\"itemId\":\"c\",\"rating\":6}")), ratings::validate, true, "eventId", RatingEvent::getEventId);

        assertThat(v.value()).isNull();
        assertThat(v.problems()).containsExactly(new Problem(2, "rating", v.problems().get(0).message()));
    }

    @Test
    void validBatchKeepsRowOrder() {
        Validated<List<RatingEvent>> v = RowsValidator.validate(List.of(
                json("{\"userId\":\"u\",\"itemId\":\"a\",\"rating\":1,\"eventId\":\"x\"}"),
                json("{\"userId\":\"u\",\"itemId\":\"b\",\"rating\":2,\"eventId\":\"y\"}")), ratings::validate, true, "eventId",
                RatingEvent::getEventId);

        assertThat(v.value()).extracting(RatingEvent::getItemId).containsExactly("a", "b");
    }

    @Test
    void repeatedEventIdIsAProblemOnTheLaterRow() {
        Validated<List<RatingEvent>> v = RowsValidator.validate(List.of(
                json("{\"userId\":\"u\",\"itemId\":\"a\",\"rating\":1,\"eventId\":\"x\"}"),
                json("{\"userId\":\"u\",\"itemId\":\"b\",\"rating\":2,\"eventId\":\"y\"}"),
                json("{\"userId\":\"u\",\"itemId\":\"c\",\"rating\":2,\"eventId\":\"x\"}")), ratings::validate, true, "eventId",
                RatingEvent::getEventId);

        assertThat(v.problems()).containsExactly(new Problem(2, "eventId", "duplicates the eventId of row 0"));
    }

    @Test
    void singleObjectProblemsCarryNoRow() {
        Validated<List<RatingEvent>> v = RowsValidator.validate(List.of(json("{\"userId\":\"u\",\"itemId\":\"a\"}")),
                ratings::validate, false, null, null);

        assertThat(v.problems()).containsExactly(Problem.of("rating", "is required"));
    }
}
