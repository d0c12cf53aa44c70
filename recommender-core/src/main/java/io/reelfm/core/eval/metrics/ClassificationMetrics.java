package io.reelfm.core.eval.metrics;

import java.util.Arrays;

/**
 * Metrics for the "will the user like it" reading of a rating model (label = rating at or
 * above a threshold): AUC judges the ordering alone, log-loss judges calibrated probabilities.
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /**
     * Area under the ROC curve by the rank-sum (Mann–Whitney) formula; tied scores get their
     * average rank, so a constant scorer gets exactly 0.5.
     *
     * @throws IllegalArgumentException when lengths differ or one class is missing
     */
    public static double auc(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and positive differ in length: "
                    + scores.length + " vs " + positive.length);
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("positive needs both classes; found " + positives
                    + " positives and " + negatives + " negatives");
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean binary cross-entropy, probabilities clipped to [1e-15, 1 - 1e-15]. */
    public static double logLoss(double[] probabilities, boolean[] positive) {
        if (probabilities.length != positive.length) {
            throw new IllegalArgumentException("probabilities and positive differ in length: "
                    + probabilities.length + " vs " + positive.length);
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities is empty");
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i]));
            sum -= positive[i] ? Math.log(p) : Math.log(1 - p);
        }
        return sum / probabilities.length;
    }
}
