package io.reelfm.serving.http;

/**
 * The limits every endpoint shares, in one place: default and largest {@code k}/{@code limit},
 * so no resource invents its own bounds.
 *
 * @param maxK the largest {@code k} or {@code limit} accepted (from {@code reelfm.serving.max-k})
 */
public record Limits(int maxK) {

    public static final int DEFAULT_K = 10;
    public static final int DEFAULT_SEARCH_LIMIT = 10;

    public Limits {
        if (maxK < 1) {
            throw new IllegalArgumentException("maxK must be >= 1, was " + maxK);
        }
    }
}
