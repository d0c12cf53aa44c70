package io.reelfm.ingest.validate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.service.validation.Problem;

/**
 * Turns one JSON rating {@code {userId, itemId, rating, timestamp?, eventId?, context?}} into a
 * {@link RatingEvent} with source {@value #SOURCE}, or the list of everything wrong with it.
 * A missing eventId becomes a random UUID; a missing timestamp becomes the server's now.
 */
public final class RatingValidator {

    public static final String SOURCE = "api";
    static final List<String> FIELDS = List.of("userId", "itemId", "rating", "timestamp", "eventId", "context");
    static final int MAX_CONTEXT_ENTRIES = 32;
    static final int MAX_CONTEXT_LENGTH = 256;

    private final RatingScale scale;
    private final int maxIdLength;
    private final Duration maxFutureSkew;
    private final Clock clock;

    public RatingValidator(RatingScale scale, int maxIdLength, Duration maxFutureSkew, Clock clock) {
        this.scale = scale;
        this.maxIdLength = maxIdLength;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    public Validated<RatingEvent> validate(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        Fields f = Fields.of(node, FIELDS, maxIdLength, problems);
        if (f == null) {
            return Validated.of(null, problems);
        }
        String userId = f.requiredId("userId");
        String itemId = f.requiredId("itemId");
        Double rating = f.requiredNumber("rating");
        if (rating != null && !scale.accepts(rating)) {
            rating = f.problem("rating", "must be " + scale.describe() + " but was " + node.get("rating").asText());
        }
        Instant now = clock.instant();
        Instant timestamp = f.optionalInstant("timestamp");
        if (timestamp != null && timestamp.isAfter(now.plus(maxFutureSkew))) {
            timestamp = f.problem("timestamp", "is " + Duration.between(now, timestamp).toSeconds()
                    + "s in the future; at most " + maxFutureSkew.toSeconds() + "s of clock skew is allowed");
        }
        String eventId = f.optionalId("eventId");
        Map<String, String> context = f.optionalTextMap("context", MAX_CONTEXT_ENTRIES, MAX_CONTEXT_LENGTH);
        problems.addAll(f.problems());
        if (!problems.isEmpty()) {
            return Validated.of(null, problems);
        }
        return Validated.of(RatingEvent.newBuilder()
                .setEventId(eventId != null ? eventId : UUID.randomUUID().toString())
                .setUserId(userId)
                .setItemId(itemId)
                .setRating(rating.floatValue())
                .setTimestamp(timestamp != null ? timestamp : now)
                .setSource(SOURCE)
                .setContext(context)
                .build(), problems);
    }
}
