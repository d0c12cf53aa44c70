package io.reelfm.datasets.synthetic;

/** The values a generated rating may take, matching the two MovieLens conventions. */
public enum RatingScale {

    /** 1, 2, 3, 4, 5 — MovieLens 100K and 1M. */
    WHOLE_STARS(1f, 5f, 1f),
    /** 0.5, 1.0, ... 5.0 — MovieLens latest and 25M. */
    HALF_STARS(0.5f, 5f, 0.5f);

    private final float min;
    private final float max;
    private final float step;

    RatingScale(float min, float max, float step) {
        this.min = min;
        this.max = max;
        this.step = step;
    }

    public float min() {
        return min;
    }

    public float max() {
        return max;
    }

    public float step() {
        return step;
    }

    /** Rounds a real-valued score to the nearest allowed rating, clamped into range. */
    public float quantize(double score) {
        double clamped = Math.min(max, Math.max(min, score));
        return Math.round(clamped / step) * step;
    }
}
