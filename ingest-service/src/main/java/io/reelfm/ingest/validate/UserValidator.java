package io.reelfm.ingest.validate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.RatingScale;
import io.reelfm.schemas.UserProfile;

/**
 * Turns one JSON user (the fields of the Avro {@link UserProfile}) into a record, or its
 * problems; the {@link RecordRules} decide what a valid user is, for replayed profiles too.
 */
public final class UserValidator {

    static final List<String> FIELDS = List.of("userId", "age", "gender", "occupation");

    private final RecordRules rules;

    public UserValidator(RecordRules rules) {
        this.rules = rules;
    }

    public UserValidator(int maxIdLength) {
        this(new RecordRules(RatingScale.DEFAULT, maxIdLength, Duration.ZERO, Clock.systemUTC()));
    }

    public Validated<UserProfile> validate(JsonNode node) {
        return Fields.validate(node, FIELDS, f -> rules.user(f.problems(), f.text("userId"), f.integer("age"),
                f.text("gender"), f.text("occupation")));
    }
}
