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
 * @param ranked   users whose lists were ranked
 */
public record HoldoutMetrics(double rmse, double mae, double hitRate, double ndcg, int count, int topN, int ranked) {

    /** A ranking model's scores are not ratings: it has no RMSE or MAE, only list metrics. */
    public boolean rankingOnly() {
        return Double.isNaN(rmse);
    }

    /** As stored in manifests and shown by {@code GET /models}; a ranking model's carry no rmse or mae. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!rankingOnly()) {
            m.put("rmse", rmse);
            m.put("mae", mae);
        }
        m.put("hitRate@" + topN, hitRate);
        m.put("ndcg@" + topN, ndcg);
        m.put("holdoutRatings", (double) count);
        m.put("rankedUsers", (double) ranked);
        return m;
    }
}
