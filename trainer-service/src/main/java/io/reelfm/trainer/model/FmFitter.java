package io.reelfm.trainer.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmModelTrainer;
import io.reelfm.core.fm.McmcSamples;
import io.reelfm.core.fm.SgdFmTrainer;
import io.reelfm.core.fm.snapshot.FmSnapshot;

/**
 * One named model's factorization machine, trained by recommender-core's learners (MCMC, ALS or
 * SGD) over user and item ids plus the feature groups its {@code ModelSpec} names, filled from
 * the topics (genres and decade of movies; age, gender and occupation of users; who rated what). Keeps its feature space and its last model across
 * fits, so each full fit is warm-started and SGD models take online passes over new ratings
 * between fits. What leaves it is an {@link FmSnapshot}: the item and feature side only, the
 * same object serving scores with.
 *
 * <p>Used by the training thread only; not thread-safe.
 */
public final class FmFitter implements SnapshotFitter {

    private final FmConfig config;
    private final int onlinePasses;
    private final McmcSamples samples;
    private FeatureSpace space = new FeatureSpace();
    private FmModel model;
    private int lastIterations;

    /**
     * @param onlinePasses passes of an online update over the new ratings (SGD only)
     */
    public FmFitter(FmConfig config, int onlinePasses) {
        this(config, onlinePasses, McmcSamples.DEFAULT);
    }

    /**
     * @param onlinePasses passes of an online update over the new ratings (SGD only)
     * @param samples      how an MCMC chain's samples shrink on a large training set
     */
    public FmFitter(FmConfig config, int onlinePasses, McmcSamples samples) {
        if (onlinePasses < 1) {
            throw new IllegalArgumentException("onlinePasses must be >= 1, got " + onlinePasses);
        }
        this.config = config;
        this.onlinePasses = onlinePasses;
        this.samples = samples;
        this.lastIterations = config.iterations();
    }

    /** Learner name recorded in manifests: {@code mcmc}, {@code als} or {@code sgd}. */
    @Override
    public String name() {
        return config.learner().name().toLowerCase(Locale.ROOT);
    }

    public FmConfig config() {
        return config;
    }

    /** Samples, sweeps or epochs of the last full fit (the configured count before the first). */
    public int lastIterations() {
        return lastIterations;
    }

    /** The working model (user rows included), or null before the first fit or restore. */
    public FmModel model() {
        return model;
    }

    /**
     * Continues from a model saved by an earlier run of this fitter: its feature space and
     * parameters become the warm start of the next fit.
     *
     * @throws IllegalStateException when this fitter already has a model
     * @throws IllegalArgumentException when the saved model has another k or no feature space
     */
    public void restore(FmModel saved) {
        if (model != null) {
            throw new IllegalStateException("restore only before the first fit");
        }
        if (saved.k() != config.k() || saved.space() == null) {
            throw new IllegalArgumentException("saved model has k=" + saved.k() + (saved.space() == null ? " and no feature space" : "")
                    + ", this model k=" + config.k());
        }
        space = saved.space().copy();
        model = saved;
    }

    /** True once a full fit has produced a model (online updates need one). */
    @Override
    public boolean fitted() {
        return model != null;
    }

    /** True for learners that take online updates between full fits. */
    @Override
    public boolean online() {
        return config.learner() == FmLearner.SGD;
    }

    /** Hyperparameters as recorded in the manifest. */
    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("iterations", String.valueOf(lastIterations));
        h.put("seed", String.valueOf(config.seed()));
        h.put("features", config.label());
        if (config.learner() != FmLearner.MCMC) {
            h.put("lambda", String.valueOf(config.regV()));
        }
        if (online()) {
            h.put("learningRate", String.valueOf(config.learningRate()));
        }
        return h;
    }

    /**
     * A full fit on {@code data}, warm-started from the previous model; returns its snapshot. An
     * MCMC chain draws the configured samples, or fewer on a set too large for them within a
     * refit ({@link McmcSamples}).
     */
    @Override
    public FmSnapshot fit(FmInputs data) {
        FmEncoder encoder = encoder(data);
        FmData rows = encoder.encode(data.ratings(), data.users(), data.items(), data.ratings());
        lastIterations = config.learner() == FmLearner.MCMC ? samples.forRows(config.iterations(), rows.rows())
                : config.iterations();
        // predictions are clipped to the scale the ratings are on (half stars start at 0.5), not to a constant
        model = FmModelTrainer.train(config.withTargetRangeOf(data.ratings()).withIterations(lastIterations), rows,
                space.copy(), model);
        return export(encoder, data);
    }

    /**
     * Online SGD passes over {@code fresh} (ratings in arrival order) on top of the current model;
     * returns the updated snapshot.
     *
     * @throws IllegalStateException when there is no model yet or the learner is not SGD
     */
    @Override
    public FmSnapshot update(FmInputs fresh) {
        if (!online() || model == null) {
            throw new IllegalStateException("online updates need a fitted SGD model (learner " + name() + ", fitted "
                    + fitted() + ")");
        }
        FmEncoder encoder = encoder(fresh);
        FmData rows = encoder.encode(fresh.ratings(), fresh.users(), fresh.items(), null);
        SgdFmTrainer.Online learner = SgdFmTrainer.Online.create(config, Math.max(space.size(), rows.maxFeature()),
                space.copy(), model);
        for (int pass = 0; pass < onlinePasses; pass++) {
            for (int r = 0; r < rows.rows(); r++) {
                learner.update(rows.row(r), rows.target(r));
            }
        }
        model = learner.model(space.copy());
        return export(encoder, fresh);
    }

    private FmEncoder encoder(FmInputs data) {
        return new FmEncoder(space, data.side(), config.groups());
    }

    private FmSnapshot export(FmEncoder encoder, FmInputs data) {
        return FmSnapshot.export(model, encoder, data.items());
    }
}
