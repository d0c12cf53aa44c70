package io.reelfm.serving.recommend;

import io.reelfm.core.rank.CalibratedReranker;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.serving.model.FactorModel;

/**
 * Applies a ranking model's published calibration ({@link CalibratedReranker}) to one request,
 * with the genres the model carries (the trainer's view of the catalogue, so the list is the one
 * {@code reelfm evaluate --learner default} measures, and no catalogue lookup is made per
 * candidate).
 */
final class ListCalibration {

    private ListCalibration() {
    }

    /**
     * @param historyRows the model rows of the user's rated items
     * @param poolRows    candidate rows, best first (already filtered); only the first {@code n} are read
     * @param scores      their model scores
     * @return positions into {@code poolRows} of the calibrated list (at most {@code k}), in score order
     */
    static int[] choose(FactorModel model, int[] historyRows, int[] poolRows, float[] scores, int n, int k) {
        GenreSource rows = model.genres();
        GenreSource byPosition = new GenreSource() {
            @Override
            public int count() {
                return rows.count();
            }

            @Override
            public int[] of(int position) {
                return position < n ? rows.of(poolRows[position]) : rows.of(historyRows[position - n]);
            }
        };
        int[] positions = new int[n];
        int[] history = new int[historyRows.length];
        for (int j = 0; j < n; j++) {
            positions[j] = j;
        }
        for (int h = 0; h < history.length; h++) {
            history[h] = n + h;
        }
        CalibratedReranker reranker = new CalibratedReranker(byPosition, model.calibration());
        return reranker.rerank(positions, java.util.Arrays.copyOf(scores, n), reranker.mix(history), k);
    }
}
