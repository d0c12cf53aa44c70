package io.reelfm.ingest.validate;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.UserProfile;

/** Turns one JSON user (the fields of the Avro {@link UserProfile}) into a record, or its problems. */
public final class UserValidator {

    static final List<String> FIELDS = List.of("userId", "age", "gender", "occupation");
    static final int MAX_TEXT = 128;

    private final int maxIdLength;

    public UserValidator(int maxIdLength) {
        this.maxIdLength = maxIdLength;
    }

    public Validated<UserProfile> validate(JsonNode node) {
        return Fields.validate(node, FIELDS, maxIdLength, f -> {
            String userId = f.requiredId("userId");
            Integer age = f.optionalInt("age", 0, 150);
            String gender = f.optionalText("gender", MAX_TEXT);
            String occupation = f.optionalText("occupation", MAX_TEXT);
            return () -> UserProfile.newBuilder()
                    .setUserId(userId)
                    .setAge(age)
                    .setGender(gender)
                    .setOccupation(occupation)
                    .build();
        });
    }
}
