package io.reelfm.service.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.reelfm.service.validation.Problem;

/** The JSON shape of every error response: {@code {"error": "...", "problems": [...]}}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, List<Problem> problems) {

    public ErrorBody {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
