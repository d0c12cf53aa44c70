package io.reelfm.core.eval.metrics;

/** Means over evaluated users of the top-K metrics, plus catalogue coverage of all lists. */
public record RankingResult(int k, double precision, double recall, double ndcg, double map, double hitRate,
        double coverage, int usersEvaluated) {
}
