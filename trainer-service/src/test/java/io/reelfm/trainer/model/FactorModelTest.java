package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.snapshot.FactorSnapshot;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;
import io.reelfm.trainer.testdata.SyntheticRatings;

class FactorModelTest {

    private static TrainingState load(List<RatingEvent> events) {
        TrainingState s = new TrainingState(1 << 16);
        for (int n = 0; n < events.size(); n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        return s;
    }

    private static HoldoutMetrics fitAndEvaluate(TrainingState s, Learner learner, HoldoutSplit split) {
        TrainingSet train = TrainingSet.of(s.ratings(), split.train(), s.users().size(), s.items().size());
        FactorParams p = new FactorParams(8, 1);
        learner.fit(train, p);
        FactorSnapshot snap = p.toSnapshot(s.items(), learner.userLambda());
        return new HoldoutEvaluator(10, 4f, 100).evaluate(new FoldInPredictor(snap), s.ratings(), s.users(), s.items(), split);
    }

    private static double baselineRmse(TrainingState s, HoldoutSplit split) {
        double mean = TrainingSet.of(s.ratings(), split.train(), s.users().size(), s.items().size()).mean();
        double se = 0;
        for (int r : split.holdout()) {
            se += Math.pow(s.ratings().rating(r) - mean, 2);
        }
        return Math.sqrt(se / split.holdout().length);
    }

    @Test
    void alsAndSgdBeatTheGlobalMeanThroughFoldIn() {
        TrainingState s = load(SyntheticRatings.generate("t", 300, 200, 40, 11));
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users().size(), 2, 5, 10_000, 3);
        assertThat(split.holdout()).hasSize(600);
        double baseline = baselineRmse(s, split);
        HoldoutMetrics als = fitAndEvaluate(s, new AlsLearner(8, 5.0), split);
        HoldoutMetrics sgd = fitAndEvaluate(s, new SgdLearner(30, 0.01, 0.05, 7), split);
        assertThat(als.rmse()).isLessThan(baseline * 0.85);
        assertThat(sgd.rmse()).isLessThan(baseline * 0.9);
        assertThat(als.mae()).isLessThan(als.rmse());
        assertThat(als.ndcg()).isBetween(0.0, 1.0);
    }

    @Test
    void badHyperparametersGiveAWorseModel() {
        TrainingState s = load(SyntheticRatings.generate("t", 300, 200, 40, 12));
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users().size(), 2, 5, 10_000, 3);
        HoldoutMetrics good = fitAndEvaluate(s, new AlsLearner(8, 5.0), split);
        HoldoutMetrics bad = fitAndEvaluate(s, new AlsLearner(1, 5000.0), split);
        assertThat(bad.rmse()).isGreaterThan(good.rmse() * 1.1);
    }

    @Test
    void snapshotBytesRoundTripToTheSamePredictions() {
        TrainingState s = load(SyntheticRatings.generate("t", 50, 40, 10, 13));
        FactorParams p = new FactorParams(4, 1);
        new AlsLearner(3, 2.0).fit(TrainingSet.of(s.ratings(), allRows(s), s.users().size(), s.items().size()), p);
        FactorSnapshot snap = p.toSnapshot(s.items(), 2.0);
        FactorSnapshot back = FactorSnapshot.fromBytes(snap.toBytes());
        assertThat(back.itemIds()).containsExactly(snap.itemIds());
        assertThat(back.itemFactors()).containsExactly(snap.itemFactors());
        FoldInPredictor a = new FoldInPredictor(snap);
        FoldInPredictor b = new FoldInPredictor(back);
        double[] u = a.foldIn(new int[] {0, 1, 2}, new float[] {5, 1, 3}, 3);
        assertThat(b.predict(b.foldIn(new int[] {0, 1, 2}, new float[] {5, 1, 3}, 3), 4)).isEqualTo(a.predict(u, 4));
        assertThatThrownBy(() -> FactorSnapshot.fromBytes(new byte[] {1, 2, 3, 4})).hasMessageContaining("RFM1");
    }

    private static int[] allRows(TrainingState s) {
        int[] rows = new int[s.ratings().size()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r;
        }
        return rows;
    }
}
