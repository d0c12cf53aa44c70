package io.reelfm.core.eval;

import io.reelfm.core.eval.metrics.RankingResult;
import java.util.List;

/**
 * Everything measured on one split.
 *
 * @param auc ROC AUC of predicted ratings against "test rating at or above the relevance threshold"; NaN when one class is absent
 * @param logLoss log-loss of those labels under a logistic curve fitted on training predictions ({@link
 *        io.reelfm.core.eval.metrics.PlattScaling}); NaN when either side lacks one class
 * @param ranking top-K metrics, or null when ranking was not requested
 * @param testRmsePerIteration test RMSE after each training iteration, empty for one-shot learners
 */
public record FoldResult(String split, double rmse, double mae, double auc, double logLoss, RankingResult ranking,
        List<Double> testRmsePerIteration, double seconds) {

    public FoldResult {
        testRmsePerIteration = List.copyOf(testRmsePerIteration);
    }
}
