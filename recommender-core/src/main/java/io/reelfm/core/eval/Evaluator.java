package io.reelfm.core.eval;

import io.reelfm.core.eval.metrics.ClassificationMetrics;
import io.reelfm.core.eval.metrics.ErrorMetrics;
import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.PlattScaling;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.metrics.RankingEvaluator;
import io.reelfm.core.eval.metrics.RankingResult;
import io.reelfm.core.eval.split.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a learner on each split and measures it on the held-out side: RMSE/MAE, AUC, and
 * optionally top-K ranking metrics. Generic over {@link RatingTrainer}, so the bias baseline
 * and the factorization machines go through exactly the same code path.
 */
public final class Evaluator {

    /** Observes progress, e.g. to drive a console progress bar. */
    public interface Progress {
        Progress NONE = new Progress() { };

        default void foldStarted(Split split, int index, int total) {
        }

        default void iterationDone(Split split, int iteration, double testRmse) {
        }

        default void foldDone(FoldResult result) {
        }
    }

    private final RankingConfig ranking;
    private final boolean rankingEnabled;
    private final ItemGenres genres;

    /** @param ranking list length and relevance threshold; null to skip ranking metrics (faster) */
    public Evaluator(RankingConfig ranking) {
        this(ranking, null);
    }

    /** @param genres the items' genres for the lists' miscalibration; null reports it as NaN */
    public Evaluator(RankingConfig ranking, ItemGenres genres) {
        this.ranking = ranking == null ? RankingConfig.DEFAULT : ranking;
        this.rankingEnabled = ranking != null;
        this.genres = genres;
    }

    public EvaluationReport evaluate(RatingTrainer trainer, List<Split> splits, Progress progress) {
        long start = System.nanoTime();
        List<FoldResult> results = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            progress.foldStarted(split, s, splits.size());
            FoldResult result = evaluateOne(trainer, split, progress);
            progress.foldDone(result);
            results.add(result);
        }
        return new EvaluationReport(trainer.name(), results, (System.nanoTime() - start) / 1e9);
    }

    FoldResult evaluateOne(RatingTrainer trainer, Split split, Progress progress) {
        long start = System.nanoTime();
        List<Double> perIteration = new ArrayList<>();
        boolean ratings = trainer.predictsRatings() && !split.strong();
        RatingPredictor model = trainer.train(split.train(), split.strong() ? null : split.test(), (iteration, current) -> {
            double rmse = ratings ? ErrorMetrics.of(split.test(), current).rmse() : Double.NaN;
            if (ratings) {
                perIteration.add(rmse);
            }
            progress.iterationDone(split, iteration, rmse);
        });
        ErrorMetrics.Errors errors = ratings ? ErrorMetrics.of(split.test(), model) : null;
        double auc = ratings ? auc(split, model) : Double.NaN;
        double logLoss = ratings ? logLoss(split, model) : Double.NaN;
        RankingResult rankingResult = rankingEnabled ? rank(split, model) : null;
        return new FoldResult(split.name(), errors == null ? Double.NaN : errors.rmse(),
                errors == null ? Double.NaN : errors.mae(), auc, logLoss, rankingResult, perIteration,
                (System.nanoTime() - start) / 1e9);
    }

    /** Top-K metrics; under strong generalisation only for models that fold a user in from a history. */
    private RankingResult rank(Split split, RatingPredictor model) {
        RankingEvaluator evaluator = new RankingEvaluator(ranking, genres);
        if (!split.strong()) {
            return evaluator.evaluate(split.train(), split.test(), model, split.candidates());
        }
        return model instanceof HistoryScorer scorer
                ? evaluator.evaluateFoldIn(split.train(), split.foldIn(), split.test(), scorer) : null;
    }

    private double logLoss(Split split, RatingPredictor model) {
        RatingSet train = split.train();
        double[] trainScores = new double[train.size()];
        boolean[] trainPositive = new boolean[train.size()];
        boolean bothClasses = false;
        for (int r = 0; r < train.size(); r++) {
            trainScores[r] = model.predict(train.user(r), train.item(r));
            trainPositive[r] = train.value(r) >= ranking.relevantThreshold();
            bothClasses |= r > 0 && trainPositive[r] != trainPositive[0];
        }
        RatingSet test = split.test();
        if (!bothClasses || test.size() == 0) {
            return Double.NaN;
        }
        PlattScaling curve = PlattScaling.fit(trainScores, trainPositive);
        double[] probabilities = new double[test.size()];
        boolean[] positive = new boolean[test.size()];
        for (int r = 0; r < test.size(); r++) {
            probabilities[r] = curve.probability(model.predict(test.user(r), test.item(r)));
            positive[r] = test.value(r) >= ranking.relevantThreshold();
        }
        return ClassificationMetrics.logLoss(probabilities, positive);
    }

    private double auc(Split split, RatingPredictor model) {
        RatingSet test = split.test();
        double[] scores = new double[test.size()];
        boolean[] positive = new boolean[test.size()];
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (int r = 0; r < test.size(); r++) {
            scores[r] = model.predict(test.user(r), test.item(r));
            positive[r] = test.value(r) >= ranking.relevantThreshold();
            anyPositive |= positive[r];
            anyNegative |= !positive[r];
        }
        return anyPositive && anyNegative ? ClassificationMetrics.auc(scores, positive) : Double.NaN;
    }
}
