package io.reelfm.trainer.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holdout quality of one model, measured through the fold-in predictor.
 *
 * @param rmse     root mean squared error of predicted ratings
 * @param mae      mean absolute error
 * @param hitRate  share of ranking users with a relevant held-out item in their top-N
 * @param ndcg     mean NDCG@N of relevant held-out items among all unrated items
 * @param count    held-out ratings scored
 */
public record HoldoutMetrics(double rmse, double mae, double hitRate, double ndcg, int count, int topN) {

    /** As stored in manifests and shown by {@code GET /models}. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", rmse);
        m.put("mae", mae);
        m.put("hitRate@" + topN, hitRate);
        m.put("ndcg@" + topN, ndcg);
        m.put("holdoutRatings", (double) count);
        return m;
    }
}
