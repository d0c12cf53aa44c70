package io.reelfm.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelfm.core.eval.baseline.BiasConfig;
import io.reelfm.core.eval.baseline.BiasTrainer;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.split.Split;
import io.reelfm.core.eval.split.Splits;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private final RatingSet all = TestData.ratings(80, 100, 30, 11);

    @Test
    void biasBaselineBeatsTheGlobalMeanOnEveryFold() {
        List<Split> splits = Splits.kFold(all, 3, 5);
        EvaluationReport bias = new Evaluator(null).evaluate(new BiasTrainer(BiasConfig.DEFAULT), splits, Evaluator.Progress.NONE);
        EvaluationReport mean = new Evaluator(null).evaluate(new GlobalMeanTrainer(), splits, Evaluator.Progress.NONE);
        assertThat(bias.folds()).hasSize(3);
        for (int f = 0; f < 3; f++) {
            assertThat(bias.folds().get(f).rmse()).isLessThan(mean.folds().get(f).rmse() - 0.1);
        }
        assertThat(bias.meanAuc()).isGreaterThan(0.7);
        // a calibrated model must beat the log-loss of always answering the base rate (at most ln 2)
        assertThat(bias.meanLogLoss()).isLessThan(mean.folds().get(0).logLoss());
    }

    @Test
    void recordsTestRmsePerIterationAndRankingMetrics() {
        Split split = Splits.timeHoldoutLastN(all, 5);
        EvaluationReport report = new Evaluator(new RankingConfig(5, 4f))
                .evaluate(new BiasTrainer(new BiasConfig(4, 5, 5)), List.of(split), Evaluator.Progress.NONE);
        FoldResult fold = report.folds().get(0);
        assertThat(fold.testRmsePerIteration()).hasSize(4);
        assertThat(fold.testRmsePerIteration().get(3)).isCloseTo(fold.rmse(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fold.ranking().usersEvaluated()).isPositive();
        assertThat(fold.ranking().precision()).isBetween(0.0, 1.0);
        assertThat(fold.ranking().coverage()).isGreaterThan(0.0);
    }

    /** Predicts the training mean for everything: the floor a real learner must clear. */
    private static final class GlobalMeanTrainer implements RatingTrainer {
        @Override
        public String name() {
            return "mean";
        }

        @Override
        public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
            float mean = (float) train.mean();
            return (user, item) -> mean;
        }
    }
}
