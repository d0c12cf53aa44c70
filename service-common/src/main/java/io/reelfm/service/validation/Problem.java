package io.reelfm.service.validation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: which row of a batch (null for a single object), which field
 * (null when the problem is the row or the body as a whole) and what is wrong. Validators
 * collect every problem rather than stopping at the first, so a client fixes a batch in one go.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Integer row, String field, String message) {

    public Problem {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
    }

    public static Problem of(String field, String message) {
        return new Problem(null, field, message);
    }

    public Problem atRow(int index) {
        return new Problem(index, field, message);
    }

    @Override
    public String toString() {
        return (row == null ? "" : "row " + row + ": ") + (field == null ? "" : field + ": ") + message;
    }
}
