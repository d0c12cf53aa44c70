package io.reelfm.ingest.validate;

import java.util.List;

import io.reelfm.service.validation.Problem;

/**
 * The checks of single values every record rule is made of (text, ranges, presence), each adding
 * a {@link Problem} naming the field, so a record's problems are all reported at once.
 */
final class FieldChecks {

    private FieldChecks() {
    }

    /** An id: text of at most {@code maxLength} characters without surrounding whitespace. */
    static void id(List<Problem> problems, int maxLength, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                required(problems, field, null);
            }
            return;
        }
        if (text(problems, field, value, maxLength) && !value.equals(value.strip())) {
            problem(problems, field, "must not start or end with whitespace");
        }
    }

    /** IMDb's average rating (0 to 10) and vote count (not negative), each optional. */
    static void imdbScore(List<Problem> problems, Double rating, Long votes) {
        if (rating != null && !(rating >= 0 && rating <= 10)) {
            problem(problems, "imdbRating", "must be between 0 and 10 but was " + rating);
        }
        if (votes != null && votes < 0) {
            problem(problems, "imdbVotes", "must not be negative but was " + votes);
        }
    }

    static void optionalText(List<Problem> problems, String field, String value, int maxLength) {
        if (value != null) {
            text(problems, field, value, maxLength);
        }
    }

    /** Text: not blank, at most {@code maxLength} characters, no control characters. @return whether it is */
    static boolean text(List<Problem> problems, String field, String s, int maxLength) {
        if (s == null || s.isBlank()) {
            return problem(problems, field, "must not be empty");
        }
        if (s.length() > maxLength) {
            return problem(problems, field, "must be at most " + maxLength + " characters but was " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return problem(problems, field, "must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
        return true;
    }

    static void between(List<Problem> problems, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problem(problems, field, "must be between " + min + " and " + max + " but was " + value);
        }
    }

    /** @return whether the value is present; when absent, "is required" unless the field was reported already */
    static boolean required(List<Problem> problems, String field, Object value) {
        if (value != null) {
            return true;
        }
        for (Problem p : problems) {
            if (field.equals(p.field())) {
                return false;
            }
        }
        return problem(problems, field, "is required");
    }

    static boolean problem(List<Problem> problems, String field, String message) {
        problems.add(Problem.of(field, message));
        return false;
    }
}
