package io.reelfm.schemas;

/**
 * The ratings a deployment accepts: from {@code min} to {@code max} in multiples of
 * {@code step} counted from {@code min} ({@code step} 0: any value in range). Ingest checks it at
 * the edge so models never train on a rating the UI could not have produced; the synthetic data
 * generator draws on it; models take their own clipping range from the ratings they were fitted
 * on and record it in their snapshot, so serving never needs a scale of its own.
 */
public record RatingScale(double min, double max, double step) {

    /** 0.5 to 5.0 in half stars: MovieLens' newer releases, and what ingest accepts unless configured. */
    public static final RatingScale HALF_STARS = new RatingScale(0.5, 5.0, 0.5);
    /** 1 to 5 in whole stars: MovieLens 100K and 1M. */
    public static final RatingScale WHOLE_STARS = new RatingScale(1, 5, 1);
    public static final RatingScale DEFAULT = HALF_STARS;

    private static final double TOLERANCE = 1e-9;

    public RatingScale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("rating scale bounds must be finite");
        }
        if (min <= 0) {
            throw new IllegalArgumentException("rating scale min must be above 0 (a rating of 0 or less is never usable), was " + min);
        }
        if (min >= max) {
            throw new IllegalArgumentException("rating scale min (" + min + ") must be below max (" + max + ")");
        }
        if (step < 0) {
            throw new IllegalArgumentException("rating scale step must be >= 0 (0 = any value), was " + step);
        }
    }

    public boolean accepts(double rating) {
        if (!Double.isFinite(rating) || rating < min - TOLERANCE || rating > max + TOLERANCE) {
            return false;
        }
        if (step == 0) {
            return true;
        }
        double steps = (rating - min) / step;
        return Math.abs(steps - Math.rint(steps)) < 1e-6;
    }

    /** The allowed rating nearest to {@code score}, clamped into range. */
    public float quantize(double score) {
        double clamped = Math.min(max, Math.max(min, score));
        return step == 0 ? (float) clamped : (float) Math.min(max, min + Math.round((clamped - min) / step) * step);
    }

    public String describe() {
        return step == 0 ? "between " + min + " and " + max : "between " + min + " and " + max + " in steps of " + step;
    }
}
