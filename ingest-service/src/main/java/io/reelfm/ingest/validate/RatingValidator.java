package io.reelfm.ingest.validate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;

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
        Instant now = clock.instant();
        return Fields.validate(node, FIELDS, maxIdLength, f -> {
            String userId = f.requiredId("userId");
            String itemId = f.requiredId("itemId");
            Double rating = rating(f, node);
            Instant timestamp = timestamp(f, now);
            String eventId = f.optionalId("eventId");
            Map<String, String> context = f.optionalTextMap("context", MAX_CONTEXT_ENTRIES, MAX_CONTEXT_LENGTH);
            return () -> RatingEvent.newBuilder()
                    .setEventId(eventId != null ? eventId : UUID.randomUUID().toString())
                    .setUserId(userId)
                    .setItemId(itemId)
                    .setRating(rating.floatValue())
                    .setTimestamp(timestamp != null ? timestamp : now)
                    .setSource(SOURCE)
                    .setContext(context)
                    .build();
        });
    }

    private Double rating(Fields f, JsonNode node) {
        Double rating = f.requiredNumber("rating");
        if (rating != null && !scale.accepts(rating)) {
            return f.problem("rating", "must be " + scale.describe() + " but was " + node.get("rating").asText());
        }
        return rating;
    }

    private Instant timestamp(Fields f, Instant now) {
        Instant timestamp = f.optionalInstant("timestamp");
        if (timestamp != null && timestamp.isAfter(now.plus(maxFutureSkew))) {
            return f.problem("timestamp", "is " + Duration.between(now, timestamp).toSeconds()
                    + "s in the future; at most " + maxFutureSkew.toSeconds() + "s of clock skew is allowed");
        }
        return timestamp;
    }
}
