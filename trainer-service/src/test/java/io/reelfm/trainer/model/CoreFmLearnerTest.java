package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.core.fm.FmConfig;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;
import io.reelfm.trainer.testdata.SyntheticRatings;

class CoreFmLearnerTest {

    @Test
    void mcmcThroughFoldInBeatsTheMeanAndRefitsWarmOnGrownData() {
        List<RatingEvent> events = SyntheticRatings.generate("m", 300, 200, 40, 81);
        TrainingState s = new TrainingState(1 << 16);
        for (int n = 0; n < 9000; n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        CoreFmLearner learner = new CoreFmLearner(FmConfig.defaults().withK(8).withIterations(30));
        FactorParams params = new FactorParams(8, 1);
        HoldoutMetrics first = fit(learner, params, s);

        for (int n = 9000; n < events.size(); n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users().size(), 2, 5, 10_000, 3);
        double mean = TrainingSet.of(s.ratings(), split.train(), s.users().size(), s.items().size()).mean();
        double se = 0;
        for (int r : split.holdout()) {
            se += Math.pow(s.ratings().rating(r) - mean, 2);
        }
        double baseline = Math.sqrt(se / split.holdout().length);
        HoldoutMetrics second = fit(learner, params, s);

        assertThat(params.users()).isEqualTo(300);
        assertThat(learner.userLambda()).isPositive();
        assertThat(learner.name()).isEqualTo("mcmc");
        assertThat(first.rmse()).isLessThan(1.0);
        assertThat(second.rmse()).isLessThan(baseline * 0.85);
    }

    private static HoldoutMetrics fit(CoreFmLearner learner, FactorParams params, TrainingState s) {
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users().size(), 2, 5, 10_000, 3);
        learner.fit(TrainingSet.of(s.ratings(), split.train(), s.users().size(), s.items().size()), params);
        return new HoldoutEvaluator(10, 4f, 100).evaluate(
                new FoldInPredictor(params.toSnapshot(s.items(), learner.userLambda())), s.ratings(), s.users(), s.items(), split);
    }
}
