package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;

/** The most-popular chart as an evaluation learner. */
public final class PopularityTrainer implements RatingTrainer {

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public boolean predictsRatings() {
        return false;
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        return new PopularityModel(Interactions.of(train, InteractionWeight.UNIFORM));
    }
}
