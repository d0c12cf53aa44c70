package io.reelfm.ingest.validate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;

/**
 * Turns one JSON rating {@code {userId, itemId, rating, timestamp?, eventId?, context?}} into a
 * {@link RatingEvent} with source {@value #SOURCE}, or the list of everything wrong with it.
 * A missing eventId becomes a random UUID; a missing timestamp becomes the server's now. What a
 * valid rating is, is decided by the {@link RecordRules} the replay of data sets uses too.
 */
public final class RatingValidator {

    public static final String SOURCE = "api";
    static final List<String> FIELDS = List.of("userId", "itemId", "rating", "timestamp", "eventId", "context");

    private final RecordRules rules;

    public RatingValidator(RecordRules rules) {
        this.rules = rules;
    }

    public RatingValidator(RatingScale scale, int maxIdLength, Duration maxFutureSkew, Clock clock) {
        this(new RecordRules(scale, maxIdLength, maxFutureSkew, clock));
    }

    public Validated<RatingEvent> validate(JsonNode node) {
        return Fields.validate(node, FIELDS, f -> {
            String userId = f.text("userId");
            String itemId = f.text("itemId");
            Double rating = f.number("rating");
            Instant timestamp = f.instant("timestamp");
            String eventId = f.text("eventId");
            Map<String, String> context = f.textMap("context");
            return rules.rating(f.problems(), eventId, userId, itemId, rating, f.asWritten("rating"), timestamp,
                    f.asWritten("timestamp"), SOURCE, context);
        });
    }
}
