package io.reelfm.service.http;

import java.util.List;
import java.util.Map;

import io.reelfm.service.validation.Problem;

/**
 * An error a resource answers with: its HTTP status, a human-readable message, optional
 * per-field problems and optional response headers (such as {@code Retry-After}). Resources
 * throw it; the one mapper installed by {@link ServiceApp} turns it into a JSON body, so every
 * service reports errors in the same shape.
 *
 * <p>A 5xx is logged at WARN, since it usually means something is wrong. One that is
 * {@linkplain #expected() expected} is a state a healthy service passes through and leaves by
 * itself (a model not published yet, a rebalance moving state): it is logged at DEBUG instead, so
 * a client polling through it does not fill the log with warnings about nothing.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<Problem> problems;
    private final Map<String, String> headers;
    private final boolean expected;

    public ApiException(int status, String message, List<Problem> problems, Map<String, String> headers, Throwable cause) {
        this(status, message, problems, headers, cause, false);
    }

    private ApiException(int status, String message, List<Problem> problems, Map<String, String> headers, Throwable cause,
                         boolean expected) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status, was " + status);
        }
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
        this.expected = expected;
    }

    public ApiException(int status, String message) {
        this(status, message, List.of(), Map.of(), null);
    }

    public static ApiException badRequest(String message, List<Problem> problems) {
        return new ApiException(400, message, problems, Map.of(), null);
    }

    /** 503 with {@code Retry-After}, for a dependency that is down for now but may come back. */
    public static ApiException unavailable(String message, long retryAfterSeconds, Throwable cause) {
        return new ApiException(503, message, List.of(), retryAfter(retryAfterSeconds), cause, false);
    }

    /**
     * 503 with {@code Retry-After} for an {@linkplain #expected() expected} state the service
     * leaves by itself, such as starting up or a rebalance: the same answer as
     * {@link #unavailable}, logged at DEBUG.
     */
    public static ApiException expectedUnavailable(String message, long retryAfterSeconds, Throwable cause) {
        return new ApiException(503, message, List.of(), retryAfter(retryAfterSeconds), cause, true);
    }

    private static Map<String, String> retryAfter(long seconds) {
        return Map.of("Retry-After", String.valueOf(Math.max(1, seconds)));
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

    /** Whether this is a routine state of a healthy service rather than a fault: logged at DEBUG whatever the status. */
    public boolean expected() {
        return expected;
    }
}
