package io.reelfm.serving.lists;

/**
 * How long a list may be, in one place for every endpoint: the default and largest {@code k}
 * (recommendations, similar movies, popular, trending) and the search and history limits. Query
 * parsing validates against these, so no resource invents its own bounds and a deployment's
 * {@code reelfm.serving.max-k} caps every list alike.
 *
 * @param maxK the largest {@code k} or search {@code limit} accepted (from {@code reelfm.serving.max-k})
 */
public record ListLimits(int maxK) {

    /** Items in a list when the request does not say. */
    public static final int DEFAULT_K = 10;
    /** Title search hits when the request does not say. */
    public static final int DEFAULT_SEARCH_LIMIT = 10;
    /**
     * The most ratings {@code /history} returns, and its default: a user's own history is bounded
     * by what they rated, not by the list size a recommendation may have.
     */
    public static final int MAX_HISTORY = 100_000;

    public ListLimits {
        if (maxK < 1) {
            throw new IllegalArgumentException("maxK must be >= 1, was " + maxK);
        }
    }
}
