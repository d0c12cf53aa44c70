package io.reelfm.core.eval.metrics;

import java.util.BitSet;

/**
 * Per-list top-K metrics with binary relevance. Each takes the recommended item indices best
 * first (only the first k are read) and the set of relevant items; the harness averages them
 * over users that have at least one relevant test item.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    public static double precisionAtK(int[] ranked, BitSet relevant, int k) {
        return hits(ranked, relevant, k) / (double) k;
    }

    public static double recallAtK(int[] ranked, BitSet relevant, int k) {
        int total = relevant.cardinality();
        return total == 0 ? 0 : hits(ranked, relevant, k) / (double) total;
    }

    public static double hitRateAtK(int[] ranked, BitSet relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** Binary-gain NDCG: DCG with 1/log2(rank+1) discounts over the ideal DCG of min(|relevant|, k) hits. */
    public static double ndcgAtK(int[] ranked, BitSet relevant, int k) {
        double dcg = 0;
        int n = Math.min(k, ranked.length);
        for (int r = 0; r < n; r++) {
            if (relevant.get(ranked[r])) {
                dcg += 1 / log2(r + 2);
            }
        }
        int ideal = Math.min(k, relevant.cardinality());
        double idcg = 0;
        for (int r = 0; r < ideal; r++) {
            idcg += 1 / log2(r + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Average precision at k: mean of precision@rank over the ranks of hits, divided by min(|relevant|, k). */
    public static double averagePrecisionAtK(int[] ranked, BitSet relevant, int k) {
        int n = Math.min(k, ranked.length);
        int hits = 0;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            if (relevant.get(ranked[r])) {
                hits++;
                sum += hits / (double) (r + 1);
            }
        }
        int denominator = Math.min(k, relevant.cardinality());
        return denominator == 0 ? 0 : sum / denominator;
    }

    static int hits(int[] ranked, BitSet relevant, int k) {
        int n = Math.min(k, ranked.length);
        int hits = 0;
        for (int r = 0; r < n; r++) {
            if (relevant.get(ranked[r])) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
