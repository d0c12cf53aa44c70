package io.reelfm.core.eval;

import java.util.List;

/** One learner's results over all splits, with means for the summary line. */
public record EvaluationReport(String learner, List<FoldResult> folds, double seconds) {

    public EvaluationReport {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("folds is empty");
        }
        folds = List.copyOf(folds);
    }

    public double meanRmse() {
        return folds.stream().mapToDouble(FoldResult::rmse).average().orElseThrow();
    }

    public double meanMae() {
        return folds.stream().mapToDouble(FoldResult::mae).average().orElseThrow();
    }

    public double meanLogLoss() {
        return folds.stream().mapToDouble(FoldResult::logLoss).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    public double meanAuc() {
        return folds.stream().mapToDouble(FoldResult::auc).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    /** Mean of one ranking metric over the folds that have ranking results; NaN when none has. */
    public double meanRanking(java.util.function.ToDoubleFunction<io.reelfm.core.eval.metrics.RankingResult> metric) {
        return folds.stream().filter(f -> f.ranking() != null).mapToDouble(f -> metric.applyAsDouble(f.ranking()))
                .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
}
