package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;

/**
 * iALS as an evaluation learner: with a tuner, the regularisation and unobserved weight are chosen
 * on a validation slice of each training fold first (as the trainer service does), then the model
 * is fitted on the whole fold. Lists are by score alone; the served default, calibrated, is
 * {@link AttributeAlsTrainer}.
 */
public final class ImplicitAlsTrainer implements RatingTrainer {

    private final ImplicitAlsConfig config;
    private final RankingTuner tuner;
    private final String name;
    private volatile ImplicitAlsConfig lastChosen;

    /** @param tuner chooses regularisation per fold; null trains {@code config} as given */
    public ImplicitAlsTrainer(String name, ImplicitAlsConfig config, RankingTuner tuner) {
        this.name = name;
        this.config = config;
        this.tuner = tuner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean predictsRatings() {
        return false;
    }

    /** The settings of the last fold's fit (after tuning), or null before any. */
    public ImplicitAlsConfig lastChosen() {
        return lastChosen;
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        ImplicitAlsConfig chosen = tuner == null ? config : tuner.ials(train, config).best();
        lastChosen = chosen;
        ImplicitAlsModel model = new ImplicitAls(chosen).train(Interactions.of(train, chosen.weight()));
        listener.onIteration(chosen.iterations(), model);
        return model;
    }
}
