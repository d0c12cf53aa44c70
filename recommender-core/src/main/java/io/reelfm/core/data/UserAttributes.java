package io.reelfm.core.data;

/**
 * What the models read of a user's profile: the age (bucketed by {@link AgeBuckets}), gender and
 * occupation, each null when unknown. Core's own type, so the model API takes neither a
 * data-file row nor a Kafka record: the trainer and serving map their profile records onto it,
 * batch tools their file rows, and each of those mappings is written once, outside the core.
 */
public record UserAttributes(Integer age, String gender, String occupation) {
}
