package io.reelfm.core.eval.metrics;

/**
 * How top-K lists are judged.
 *
 * @param k list length; default 10
 * @param relevantThreshold a test rating at or above this is relevant; default 4 (MovieLens "liked")
 */
public record RankingConfig(int k, float relevantThreshold) {

    public static final RankingConfig DEFAULT = new RankingConfig(10, 4f);

    public RankingConfig {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (!Float.isFinite(relevantThreshold)) {
            throw new IllegalArgumentException("relevantThreshold must be finite, got " + relevantThreshold);
        }
    }
}
