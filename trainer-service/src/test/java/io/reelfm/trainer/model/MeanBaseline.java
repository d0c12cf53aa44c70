package io.reelfm.trainer.model;

import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;

/** The floor every model must beat: predict the training mean for every held-out rating. */
final class MeanBaseline {

    private MeanBaseline() {
    }

    static double holdoutRmse(TrainingState s, HoldoutSplit split) {
        double mean = 0;
        for (int r : split.train()) {
            mean += s.ratings().rating(r);
        }
        mean /= split.train().length;
        double se = 0;
        for (int r : split.holdout()) {
            se += Math.pow(s.ratings().rating(r) - mean, 2);
        }
        return Math.sqrt(se / split.holdout().length);
    }
}
