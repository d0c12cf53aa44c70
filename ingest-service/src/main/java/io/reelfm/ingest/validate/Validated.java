package io.reelfm.ingest.validate;

import java.util.List;

import io.reelfm.service.validation.Problem;

/** A parsed value, or every problem that stopped it from being one. */
public record Validated<T>(T value, List<Problem> problems) {

    public Validated {
        problems = List.copyOf(problems);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("exactly one of value and problems must be present");
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    static <T> Validated<T> of(T value, List<Problem> problems) {
        return problems.isEmpty() ? new Validated<>(value, List.of()) : new Validated<>(null, problems);
    }
}
