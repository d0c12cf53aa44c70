package io.reelfm.trainer.eval;

import java.util.BitSet;
import java.util.function.Function;

import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.trainer.store.RatingStore;

/**
 * Scores a snapshot on a {@link HoldoutSplit} exactly as serving answers: each held-out user is
 * folded in by {@link FmItemScorer#foldIn} from their training ratings (and profile) only, then
 * their held-out ratings are predicted by {@link FmItemScorer#predict} (RMSE, MAE) and, for a
 * bounded number of users, the catalogue is ranked by {@link FmItemScorer#topK} without their
 * training items (hit rate and NDCG at N over held-out items rated at or above the relevance
 * threshold). Any snapshot can be scored, also one whose item order differs from the current
 * dictionaries (items are matched by id); an item the snapshot does not know is predicted at the
 * user's constant, clipped to the scale. A RANKING snapshot has no ratings to predict: it gets no
 * RMSE or MAE, and every held-out user is ranked (not only the first {@code rankingUsers}), since
 * its gate compares NDCG.
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

    /**
     * @param profiles a user's profile by id, or null when unknown
     */
    public HoldoutMetrics evaluate(FmItemScorer scorer, RatingStore store, IdIndex users, IdIndex items,
                                   HoldoutSplit split, Function<String, UserAttributes> profiles) {
        int[] rowOf = new int[items.size()];
        for (int i = 0; i < rowOf.length; i++) {
            rowOf[i] = scorer.item(items.id(i));
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
        boolean rankingModel = scorer.snapshot().task() == FmTask.RANKING;
        int rankLimit = rankingModel ? Integer.MAX_VALUE : rankingUsers;
        float min = scorer.snapshot().minTarget();
        float max = scorer.snapshot().maxTarget();
        double se = 0;
        double ae = 0;
        int count = 0;
        int ranked = 0;
        double hits = 0;
        double ndcg = 0;
        int[] hold = split.holdout();
        int j = 0;
        while (j < hold.length) {
            int u = store.user(hold[j]);
            int end = j;
            while (end < hold.length && store.user(hold[end]) == u) {
                end++;
            }
            int n = starts[u + 1] - starts[u];
            String[] ids = new String[n];
            float[] ratings = new float[n];
            BitSet rated = new BitSet();
            for (int t = 0; t < n; t++) {
                int r = trainByUser[starts[u] + t];
                ids[t] = items.id(store.item(r));
                ratings[t] = store.rating(r);
                if (rowOf[store.item(r)] >= 0) {
                    rated.set(rowOf[store.item(r)]);
                }
            }
            String userId = users.id(u);
            UserVector vec = scorer.foldIn(profiles.apply(userId), ids, ratings);
            for (int h = j; h < end; h++) {
                int row = rowOf[store.item(hold[h])];
                double p = row >= 0 ? scorer.predict(vec, row) : Math.max(min, Math.min(max, vec.constant()));
                double err = store.rating(hold[h]) - p;
                se += err * err;
                ae += Math.abs(err);
                count++;
            }
            if (ranked < rankLimit) {
                double[] result = rank(scorer, vec, rated, hold, j, end, store, rowOf);
                if (result != null) {
                    ranked++;
                    hits += result[0];
                    ndcg += result[1];
                }
            }
            j = end;
        }
        double rmse = count == 0 || rankingModel ? Double.NaN : Math.sqrt(se / count);
        double mae = count == 0 || rankingModel ? Double.NaN : ae / count;
        return new HoldoutMetrics(rmse, mae, ranked == 0 ? 0 : hits / ranked, ranked == 0 ? 0 : ndcg / ranked, count, topN,
                ranked);
    }

    /** {hit, ndcg} for one user, or null when the user has no relevant held-out item the snapshot knows. */
    private double[] rank(FmItemScorer scorer, UserVector vec, BitSet rated, int[] hold, int from, int to,
                          RatingStore store, int[] rowOf) {
        BitSet relevantRows = new BitSet();
        for (int h = from; h < to; h++) {
            int row = rowOf[store.item(hold[h])];
            if (row >= 0 && store.rating(hold[h]) >= relevant) {
                relevantRows.set(row);
            }
        }
        int relevantCount = relevantRows.cardinality();
        if (relevantCount == 0) {
            return null;
        }
        ScoredItems top = scorer.topK(vec, topN, rated);
        double dcg = 0;
        boolean hit = false;
        int[] indices = top.indices();
        for (int p = 0; p < indices.length; p++) {
            if (relevantRows.get(indices[p])) {
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
