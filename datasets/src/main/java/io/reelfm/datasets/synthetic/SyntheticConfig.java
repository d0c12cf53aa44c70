package io.reelfm.datasets.synthetic;

import io.reelfm.schemas.RatingScale;

/**
 * Parameters of a generated data set. The same configuration always yields the same rows.
 *
 * @param users              number of users, ids 1..users (default 1,000)
 * @param items              number of items, ids 1..items (default 2,000)
 * @param ratings            number of ratings to emit (default 100,000)
 * @param factors            latent dimensions planted in the scores (default 8)
 * @param noise              standard deviation of the Gaussian noise added to each score
 *                           before rounding (default 0.5)
 * @param seed               random seed (default 42)
 * @param itemPopularitySkew Zipf exponent of item popularity; 0 = uniform (default 1.0)
 * @param userActivitySkew   Zipf exponent of user activity; 0 = uniform (default 0.7)
 * @param scale              allowed rating values (default {@link RatingScale#WHOLE_STARS})
 * @param startMillis        timestamp of the first rating (default 2020-01-01T00:00:00Z)
 * @param stepMillis         each rating is 1..stepMillis ms after the previous one, so
 *                           timestamps strictly increase (default 60,000; see
 *                           {@link #withTimelineEndingBy(long)} for sets too large for it)
 */
public record SyntheticConfig(int users, int items, long ratings, int factors, double noise, long seed,
                              double itemPopularitySkew, double userActivitySkew, RatingScale scale,
                              long startMillis, int stepMillis) {

    public static final int MAX_FACTORS = 256;

    /**
     * @throws IllegalArgumentException naming the parameter when a value is out of range
     */
    public SyntheticConfig {
        require(users >= 1, "users", "must be >= 1", users);
        require(items >= 1, "items", "must be >= 1", items);
        require(ratings >= 0, "ratings", "must be >= 0", ratings);
        require(factors >= 1 && factors <= MAX_FACTORS, "factors", "must be in 1.." + MAX_FACTORS, factors);
        require((long) users * factors <= Integer.MAX_VALUE, "users", "times factors must fit in one array", users);
        require((long) items * factors <= Integer.MAX_VALUE, "items", "times factors must fit in one array", items);
        require(Double.isFinite(noise) && noise >= 0, "noise", "must be a finite number >= 0", noise);
        require(Double.isFinite(itemPopularitySkew) && itemPopularitySkew >= 0, "itemPopularitySkew",
                "must be a finite number >= 0", itemPopularitySkew);
        require(Double.isFinite(userActivitySkew) && userActivitySkew >= 0, "userActivitySkew",
                "must be a finite number >= 0", userActivitySkew);
        require(scale != null, "scale", "must be set", scale);
        require(stepMillis >= 1, "stepMillis", "must be >= 1", stepMillis);
        require(fitsTimeline(startMillis, ratings, stepMillis), "ratings",
                "times stepMillis after startMillis overflows the timestamp range", ratings);
    }

    /** The documented defaults. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(1_000, 2_000, 100_000, 8, 0.5, 42, 1.0, 0.7, RatingScale.WHOLE_STARS,
                1_577_836_800_000L, 60_000);
    }

    public SyntheticConfig withSize(int users, int items, long ratings) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    public SyntheticConfig withFactors(int factors) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    public SyntheticConfig withNoise(double noise) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    public SyntheticConfig withSeed(long seed) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    public SyntheticConfig withSkew(double itemPopularitySkew, double userActivitySkew) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    public SyntheticConfig withScale(RatingScale scale) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    public SyntheticConfig withTime(long startMillis, int stepMillis) {
        return new SyntheticConfig(users, items, ratings, factors, noise, seed, itemPopularitySkew, userActivitySkew,
                scale, startMillis, stepMillis);
    }

    /**
     * The same set with its steps shortened, if needed, so the last rating falls no later than
     * {@code endMillis}. At the default minute per step a set passes 2025 after about 5M ratings, and
     * every ingest path rejects ratings from the future, so large sets must squeeze their timeline.
     * Sets that already fit keep their rows exactly.
     *
     * @throws IllegalArgumentException when {@code endMillis} leaves less than 1 ms per rating
     */
    public SyntheticConfig withTimelineEndingBy(long endMillis) {
        if (ratings == 0 || startMillis + ratings * (long) stepMillis <= endMillis) {
            return this;
        }
        long step = (endMillis - startMillis) / ratings;
        require(step >= 1, "ratings", "do not fit between startMillis and " + endMillis + " at 1 ms apart", ratings);
        return withTime(startMillis, (int) step);
    }

    private static boolean fitsTimeline(long startMillis, long ratings, int stepMillis) {
        try {
            Math.addExact(startMillis, Math.multiplyExact(ratings, (long) Math.max(stepMillis, 1)));
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static void require(boolean ok, String name, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("synthetic " + name + " " + rule + ", was " + value);
        }
    }
}
