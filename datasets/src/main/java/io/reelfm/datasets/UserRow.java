package io.reelfm.datasets;

/** One user profile as read from a data set; absent fields are null. */
public record UserRow(String userId, Integer age, String gender, String occupation) {
}
