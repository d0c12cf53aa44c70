package io.reelfm.trainer.eval;

import io.reelfm.trainer.model.FoldInPredictor;
import io.reelfm.trainer.store.IdDictionary;
import io.reelfm.trainer.store.RatingStore;

/**
 * Scores a snapshot on a {@link HoldoutSplit} the way serving would: each held-out user is
 * folded in from their training ratings only, then their held-out ratings are predicted (RMSE,
 * MAE) and, for a bounded number of users, all items are ranked (hit rate and NDCG at N over
 * held-out items rated at or above the relevance threshold). Any snapshot can be scored, also
 * one whose item order differs from the current dictionaries (items are matched by id).
 */
public final class HoldoutEvaluator {

    private final int topN;
    private final float relevant;
    private final int rankingUsers;

    public HoldoutEvaluator(int topN, float relevantRating, int rankingUsers) {
        this.topN = topN;
        this.relevant = relevantRating;
        this.rankingUsers = rankingUsers;
    }

    public HoldoutMetrics evaluate(FoldInPredictor predictor, RatingStore store, IdDictionary users, IdDictionary items,
                                   HoldoutSplit split) {
        int[] rowOf = new int[items.size()];
        for (int i = 0; i < rowOf.length; i++) {
            rowOf[i] = predictor.itemRow(items.id(i));
        }
        int userCount = users.size();
        int[] starts = new int[userCount + 1];
        for (int r : split.train()) {
            starts[store.user(r) + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            starts[u + 1] += starts[u];
        }
        int[] fill = starts.clone();
        int[] trainByUser = new int[split.train().length];
        for (int r : split.train()) {
            trainByUser[fill[store.user(r)]++] = r;
        }
        double se = 0;
        double ae = 0;
        int count = 0;
        int ranked = 0;
        double hits = 0;
        double ndcg = 0;
        int[] hold = split.holdout();
        int[] rows = new int[16];
        float[] ratings = new float[16];
        int j = 0;
        while (j < hold.length) {
            int u = store.user(hold[j]);
            int end = j;
            while (end < hold.length && store.user(hold[end]) == u) {
                end++;
            }
            int n = starts[u + 1] - starts[u];
            if (rows.length < n) {
                rows = new int[n * 2];
                ratings = new float[n * 2];
            }
            for (int t = 0; t < n; t++) {
                int r = trainByUser[starts[u] + t];
                rows[t] = rowOf[store.item(r)];
                ratings[t] = store.rating(r);
            }
            double[] vec = predictor.foldIn(rows, ratings, n);
            for (int h = j; h < end; h++) {
                double p = predictor.predict(vec, rowOf[store.item(hold[h])]);
                double err = store.rating(hold[h]) - p;
                se += err * err;
                ae += Math.abs(err);
                count++;
            }
            if (ranked < rankingUsers) {
                double[] result = rank(predictor, vec, rows, n, hold, j, end, store, rowOf);
                if (result != null) {
                    ranked++;
                    hits += result[0];
                    ndcg += result[1];
                }
            }
            j = end;
        }
        return new HoldoutMetrics(count == 0 ? Double.NaN : Math.sqrt(se / count), count == 0 ? Double.NaN : ae / count,
                ranked == 0 ? 0 : hits / ranked, ranked == 0 ? 0 : ndcg / ranked, count, topN);
    }

    /** {hit, ndcg} for one user, or null when the user has no relevant held-out item. */
    private double[] rank(FoldInPredictor predictor, double[] vec, int[] trainRows, int n, int[] hold, int from, int to,
                          RatingStore store, int[] rowOf) {
        int items = predictor.model().items();
        boolean[] relevantRow = new boolean[items];
        int relevantCount = 0;
        for (int h = from; h < to; h++) {
            int row = rowOf[store.item(hold[h])];
            if (row >= 0 && store.rating(hold[h]) >= relevant && !relevantRow[row]) {
                relevantRow[row] = true;
                relevantCount++;
            }
        }
        if (relevantCount == 0) {
            return null;
        }
        boolean[] exclude = new boolean[items];
        for (int t = 0; t < n; t++) {
            if (trainRows[t] >= 0) {
                exclude[trainRows[t]] = true;
            }
        }
        int[] top = new int[topN];
        double[] topScore = new double[topN];
        int filled = 0;
        for (int i = 0; i < items; i++) {
            if (exclude[i]) {
                continue;
            }
            double s = predictor.predict(vec, i);
            if (filled < topN) {
                int p = filled++;
                while (p > 0 && topScore[p - 1] < s) {
                    topScore[p] = topScore[p - 1];
                    top[p] = top[p - 1];
                    p--;
                }
                topScore[p] = s;
                top[p] = i;
            } else if (s > topScore[topN - 1]) {
                int p = topN - 1;
                while (p > 0 && topScore[p - 1] < s) {
                    topScore[p] = topScore[p - 1];
                    top[p] = top[p - 1];
                    p--;
                }
                topScore[p] = s;
                top[p] = i;
            }
        }
        double dcg = 0;
        boolean hit = false;
        for (int p = 0; p < filled; p++) {
            if (relevantRow[top[p]]) {
                hit = true;
                dcg += 1 / (Math.log(p + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int p = 0; p < Math.min(relevantCount, topN); p++) {
            ideal += 1 / (Math.log(p + 2) / Math.log(2));
        }
        return new double[] {hit ? 1 : 0, dcg / ideal};
    }
}
