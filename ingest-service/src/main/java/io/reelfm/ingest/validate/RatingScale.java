package io.reelfm.ingest.validate;

/**
 * The ratings the deployment accepts: from {@code min} to {@code max} in multiples of
 * {@code step} counted from {@code min} (MovieLens: 0.5 to 5.0 in 0.5 steps). Checked at the
 * edge so models never train on a rating the UI could not have produced.
 */
public record RatingScale(double min, double max, double step) {

    public static final RatingScale DEFAULT = new RatingScale(0.5, 5.0, 0.5);

    private static final double TOLERANCE = 1e-9;

    public RatingScale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("rating scale bounds must be finite");
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

    public String describe() {
        return step == 0 ? "between " + min + " and " + max : "between " + min + " and " + max + " in steps of " + step;
    }
}
