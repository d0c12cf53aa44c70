package io.reelfm.core.rank;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import java.util.BitSet;

/**
 * A ranking model whose lists are calibrated ({@link CalibratedReranker}), as seen by the
 * evaluation harness: scores of the calibrated top {@code k} are lifted above every other item in
 * their new order, so a top-k cut of {@link #scoreAll} is exactly the served list. The user's own
 * items (training or fold-in history) are excluded from the pool, as serving excludes them.
 */
public final class CalibratedModel implements RatingPredictor, HistoryScorer {

    /** Candidates re-ranked per list: deep enough to find the missing genres, shallow enough to stay relevant. */
    public static final int POOL = 100;

    private final RatingPredictor base;
    private final Interactions train;
    private final CalibratedReranker reranker;
    private final int k;

    public CalibratedModel(RatingPredictor base, Interactions train, CalibratedReranker reranker, int k) {
        if (!(base instanceof HistoryScorer)) {
            throw new IllegalArgumentException("the base model must fold users in from a history");
        }
        this.base = base;
        this.train = train;
        this.reranker = reranker;
        this.k = k;
    }

    @Override
    public float predict(int user, int item) {
        return base.predict(user, item);
    }

    @Override
    public void scoreAll(int user, float[] out) {
        base.scoreAll(user, out);
        calibrate(user >= 0 && user < train.users() ? train.itemsOf(user) : new int[0], out);
    }

    @Override
    public void scoreHistory(int[] items, float[] values, float[] out) {
        ((HistoryScorer) base).scoreHistory(items, values, out);
        calibrate(items, out);
    }

    @Override
    public void scoreHistory(int user, int[] items, float[] values, float[] out) {
        ((HistoryScorer) base).scoreHistory(user, items, values, out);
        calibrate(items, out);
    }

    private void calibrate(int[] history, float[] out) {
        BitSet seen = new BitSet(out.length);
        for (int i : history) {
            if (i >= 0 && i < out.length) {
                seen.set(i);
            }
        }
        ScoredItems pool = TopK.select(out, POOL, seen);
        float[] scores = new float[pool.size()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = pool.score(r);
        }
        int[] list = reranker.rerank(pool.indices(), scores, reranker.mix(history), k);
        float top = Float.NEGATIVE_INFINITY;
        for (float s : out) {
            top = Math.max(top, s);
        }
        for (int r = 0; r < list.length; r++) {
            out[list[r]] = top + 1 + (list.length - r);
        }
    }
}
