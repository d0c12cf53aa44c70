package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.eval.metrics.GenreSource;

/**
 * The attribute model ({@link AttributeAls}) as an evaluation learner. With a tuner, factors stay
 * as given and the regularisation, unobserved weight and liked-rating boost are chosen on a
 * validation slice of each training fold by the iALS settings search ({@link RankingTuner#ials});
 * the attribute ridge is measured in a unit that follows from them, and its strength is chosen on
 * the same slice ({@link RankingTuner#attributeStrength}), so no setting is fixed on one data set. The model is then fitted on the whole fold with the users' and items' attributes.
 */
public final class AttributeAlsTrainer implements RatingTrainer {

    private final String name;
    private final ImplicitAlsConfig config;
    private final RankingTuner tuner;
    private final AttributeRows userAttributes;
    private final AttributeRows itemAttributes;
    private final GenreSource genres;
    private final int listLength;
    private volatile ImplicitAlsConfig lastChosen;
    private volatile double lastStrength = Double.NaN;
    private volatile double lastCalibration;

    /**
     * @param tuner          chooses the iALS settings per fold; null trains {@code config} as given
     * @param userAttributes one row per user of the evaluation's index space
     * @param itemAttributes one row per item of the evaluation's index space
     */
    public AttributeAlsTrainer(String name, ImplicitAlsConfig config, RankingTuner tuner, AttributeRows userAttributes,
                               AttributeRows itemAttributes) {
        this(name, config, tuner, userAttributes, itemAttributes, null, 0);
    }

    /**
     * With calibrated lists, as the trainer serves them ({@link CalibratedModel}) at the strength the
     * tuner validates for this model.
     *
     * @param genres     the items' genres (needs a tuner); null lists by score alone
     * @param listLength length of the calibrated lists (the evaluation's k)
     */
    public AttributeAlsTrainer(String name, ImplicitAlsConfig config, RankingTuner tuner, AttributeRows userAttributes,
                               AttributeRows itemAttributes, GenreSource genres, int listLength) {
        if (genres != null && tuner == null) {
            throw new IllegalArgumentException("calibrated lists need a tuner to choose their strength");
        }
        this.genres = genres;
        this.listLength = listLength;
        this.name = name;
        this.config = config;
        this.tuner = tuner;
        this.userAttributes = userAttributes;
        this.itemAttributes = itemAttributes;
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

    /** The attribute strength of the last fold's fit, or NaN before any. */
    public double lastStrength() {
        return lastStrength;
    }

    /** Calibration strength of the last fold's lists (0 = by score alone). */
    public double lastCalibration() {
        return lastCalibration;
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        ImplicitAlsConfig chosen = tuner == null ? config : tuner.ials(train, config).best();
        lastChosen = chosen;
        double strength = tuner == null ? 1 : tuner.attributeStrength(train, chosen, userAttributes, itemAttributes).best();
        lastStrength = strength;
        Interactions interactions = Interactions.of(train, chosen.weight());
        AttributeAls als = new AttributeAls(chosen, strength);
        AttributeAlsModel model = als.train(interactions, userAttributes, itemAttributes);
        double lambda = genres == null ? 0 : tuner.calibration(train, chosen, genres, userAttributes,
                (fit, users, validated) -> als.train(fit, users, itemAttributes, ImplicitAls.SweepListener.NONE, validated)).best();
        lastCalibration = lambda;
        RatingPredictor served = lambda == 0 ? model
                : new CalibratedModel(model, interactions, new CalibratedReranker(genres, lambda), listLength);
        listener.onIteration(chosen.iterations(), served);
        return served;
    }
}
