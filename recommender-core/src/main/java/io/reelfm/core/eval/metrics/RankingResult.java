package io.reelfm.core.eval.metrics;

/**
 * Means over evaluated users of the top-K metrics, plus catalogue coverage of all lists.
 *
 * @param novelty        mean self-information {@code -log2(share of training users who rated the item)} of the
 *                       listed items: higher means less obvious picks
 * @param miscalibration mean KL divergence between the genre mix of a user's history and of their list (Steck
 *                       2018, smoothed with 1 % of the history's mix); 0 = the list follows the user's taste; NaN
 *                       when items carry no genres
 */
public record RankingResult(int k, double precision, double recall, double ndcg, double map, double hitRate,
        double coverage, int usersEvaluated, double novelty, double miscalibration) {
}
