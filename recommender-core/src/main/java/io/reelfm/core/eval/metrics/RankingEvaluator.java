package io.reelfm.core.eval.metrics;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import java.util.BitSet;

/**
 * Ranks the whole catalogue for each test user, excluding the items they rated in training,
 * and averages the top-K metrics over users with at least one relevant test item. Catalogue
 * coverage counts the distinct items that appear in any list.
 */
public final class RankingEvaluator {

    private final RankingConfig config;

    public RankingEvaluator(RankingConfig config) {
        this.config = config;
    }

    public RankingResult evaluate(RatingSet train, RatingSet test, RatingPredictor predictor) {
        int[][] trainRows = train.rowsByUser();
        int[][] testRows = test.rowsByUser();
        int numItems = test.numItems();
        float[] scores = new float[numItems];
        BitSet recommended = new BitSet(numItems);
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        double hitRate = 0;
        int users = 0;
        for (int u = 0; u < testRows.length; u++) {
            BitSet relevant = new BitSet(numItems);
            for (int r : testRows[u]) {
                if (test.value(r) >= config.relevantThreshold()) {
                    relevant.set(test.item(r));
                }
            }
            if (relevant.isEmpty()) {
                continue;
            }
            BitSet seen = new BitSet(numItems);
            if (u < trainRows.length) {
                for (int r : trainRows[u]) {
                    seen.set(train.item(r));
                }
            }
            predictor.scoreAll(u, scores);
            ScoredItems top = TopK.select(scores, config.k(), seen);
            int[] ranked = top.indices();
            for (int item : ranked) {
                recommended.set(item);
            }
            precision += RankingMetrics.precisionAtK(ranked, relevant, config.k());
            recall += RankingMetrics.recallAtK(ranked, relevant, config.k());
            ndcg += RankingMetrics.ndcgAtK(ranked, relevant, config.k());
            map += RankingMetrics.averagePrecisionAtK(ranked, relevant, config.k());
            hitRate += RankingMetrics.hitRateAtK(ranked, relevant, config.k());
            users++;
        }
        if (users == 0) {
            return new RankingResult(config.k(), 0, 0, 0, 0, 0, 0, 0);
        }
        return new RankingResult(config.k(), precision / users, recall / users, ndcg / users, map / users,
                hitRate / users, recommended.cardinality() / (double) numItems, users);
    }
}
