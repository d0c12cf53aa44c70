package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;

/** EASE as an evaluation learner: a fixed lambda, or one chosen per fold on a validation slice. */
public final class EaseTrainer implements RatingTrainer {

    private final double lambda;
    private final RankingTuner tuner;
    private volatile double lastLambda = Double.NaN;

    /** @param lambda used when {@code tuner} is null */
    public EaseTrainer(double lambda, RankingTuner tuner) {
        this.lambda = lambda;
        this.tuner = tuner;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public boolean predictsRatings() {
        return false;
    }

    /** Lambda of the last fold's fit, NaN before any. */
    public double lastLambda() {
        return lastLambda;
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        double chosen = tuner == null ? lambda : tuner.ease(train).best();
        lastLambda = chosen;
        return new Ease(chosen).train(Interactions.of(train, InteractionWeight.UNIFORM));
    }
}
