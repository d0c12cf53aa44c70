package io.reelfm.core.fm;

/**
 * The one entry point callers use to train an FM: picks the learner named by the config, so the
 * evaluation CLI and the trainer service switch learners by configuration alone.
 */
public final class FmModelTrainer {

    private FmModelTrainer() {
    }

    /**
     * Trains on {@code data} over {@code space} (may be null for raw feature indices), continuing
     * from {@code warmStart} when given: its parameters are kept for the features it knows and
     * only features added since start fresh.
     */
    public static FmModel train(FmConfig cfg, FmData data, FeatureSpace space, FmModel warmStart) {
        return switch (cfg.learner()) {
            case SGD -> new SgdFmTrainer(cfg).train(data, space, warmStart);
            case ALS -> new AlsFmTrainer(cfg).train(data, space, warmStart);
            case MCMC -> new McmcFmTrainer(cfg).train(data, space, warmStart);
        };
    }
}
