package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.eval.metrics.GenreSource;

/**
 * iALS as an evaluation learner: with a tuner, the regularisation and unobserved weight are chosen
 * on a validation slice of each training fold first (as the trainer service does), then the model
 * is fitted on the whole fold. With genres, the lists are calibrated as serving calibrates them
 * ({@link CalibratedModel}), at the strength the tuner validates.
 */
public final class ImplicitAlsTrainer implements RatingTrainer {

    private final ImplicitAlsConfig config;
    private final RankingTuner tuner;
    private final String name;
    private final GenreSource genres;
    private final int listLength;
    private volatile ImplicitAlsConfig lastChosen;
    private volatile double lastCalibration;

    /** @param tuner chooses regularisation per fold; null trains {@code config} as given */
    public ImplicitAlsTrainer(String name, ImplicitAlsConfig config, RankingTuner tuner) {
        this(name, config, tuner, null, 0);
    }

    /**
     * @param genres     the items' genres for calibrated lists (needs a tuner); null lists by score alone
     * @param listLength length of the calibrated lists (the evaluation's k)
     */
    public ImplicitAlsTrainer(String name, ImplicitAlsConfig config, RankingTuner tuner, GenreSource genres,
                              int listLength) {
        if (genres != null && tuner == null) {
            throw new IllegalArgumentException("calibrated lists need a tuner to choose their strength");
        }
        this.name = name;
        this.config = config;
        this.tuner = tuner;
        this.genres = genres;
        this.listLength = listLength;
    }

    /** Calibration strength of the last fold's lists (0 = by score alone). */
    public double lastCalibration() {
        return lastCalibration;
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
        Interactions interactions = Interactions.of(train, chosen.weight());
        ImplicitAlsModel model = new ImplicitAls(chosen).train(interactions);
        double lambda = genres == null ? 0 : tuner.calibration(train, chosen, genres).best();
        lastCalibration = lambda;
        RatingPredictor served = lambda == 0 ? model
                : new CalibratedModel(model, interactions, new CalibratedReranker(genres, lambda), listLength);
        listener.onIteration(chosen.iterations(), served);
        return served;
    }
}
