package io.reelfm.service.http;

import java.util.List;
import java.util.Map;

import io.reelfm.service.validation.Problem;

/**
 * An error a resource answers with: its HTTP status, a human-readable message, optional
 * per-field problems and optional response headers (such as {@code Retry-After}). Resources
 * throw it; the one mapper installed by {@link ServiceApp} turns it into a JSON body, so every
 * service reports errors in the same shape.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<Problem> problems;
    private final Map<String, String> headers;

    public ApiException(int status, String message, List<Problem> problems, Map<String, String> headers, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status, was " + status);
        }
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String message) {
        this(status, message, List.of(), Map.of(), null);
    }

    public static ApiException badRequest(String message, List<Problem> problems) {
        return new ApiException(400, message, problems, Map.of(), null);
    }

    /** 503 with {@code Retry-After}, for a dependency that is down for now but may come back. */
    public static ApiException unavailable(String message, long retryAfterSeconds, Throwable cause) {
        return new ApiException(503, message, List.of(),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds))), cause);
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
