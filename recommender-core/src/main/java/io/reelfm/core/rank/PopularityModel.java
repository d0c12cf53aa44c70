package io.reelfm.core.rank;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;

/**
 * The most-popular chart: every user gets the items with the most interactions in training. The
 * anchor every personalised model must beat by a clear margin.
 */
public final class PopularityModel implements RatingPredictor, HistoryScorer {

    private final float[] counts;

    public PopularityModel(Interactions data) {
        counts = new float[data.items()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = data.itemCount(i);
        }
    }

    @Override
    public float predict(int user, int item) {
        return item >= 0 && item < counts.length ? counts[item] : 0f;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        System.arraycopy(counts, 0, out, 0, Math.min(out.length, counts.length));
    }

    @Override
    public void scoreHistory(int[] items, float[] values, float[] out) {
        scoreAll(-1, out);
    }
}
