package io.reelfm.core.rank;

/**
 * How much one rating counts as an interaction. Every rating counts at least 1 (the user chose to
 * watch and rate it); with a positive {@code likedBoost} a rating above the middle of the scale
 * counts more, in proportion to how far above it lies, so a 5-star rating weighs {@code 1 +
 * likedBoost} and a rating at the middle or below weighs 1. The scale comes from the data, never
 * from a constant, so half-star and 1–10 scales are treated alike.
 *
 * @param min        lowest rating of the data's scale
 * @param max        highest rating of the data's scale
 * @param likedBoost extra weight of the top rating; 0 = every interaction counts the same
 */
public record InteractionWeight(float min, float max, float likedBoost) {

    /** Every rating counts 1, whatever its value. */
    public static final InteractionWeight UNIFORM = new InteractionWeight(0, 1, 0);

    public InteractionWeight {
        if (!(max >= min) || !Float.isFinite(min) || !Float.isFinite(max)) {
            throw new IllegalArgumentException("rating scale must be finite with max >= min, got " + min + ".." + max);
        }
        if (!(likedBoost >= 0)) {
            throw new IllegalArgumentException("likedBoost must be >= 0, got " + likedBoost);
        }
    }

    public float of(float rating) {
        if (likedBoost == 0 || max == min) {
            return 1f;
        }
        float middle = (min + max) / 2;
        float above = Math.max(0f, (rating - middle) / (max - middle));
        return 1f + likedBoost * Math.min(1f, above);
    }

    /** The scale of {@code ratings} (their lowest and highest value) with the given boost. */
    public static InteractionWeight of(io.reelfm.core.eval.RatingSet ratings, float likedBoost) {
        float[] range = ratings.valueRange();
        return range == null ? new InteractionWeight(0, 1, likedBoost) : new InteractionWeight(range[0], range[1], likedBoost);
    }

    public InteractionWeight withBoost(float boost) {
        return new InteractionWeight(min, max, boost);
    }
}
