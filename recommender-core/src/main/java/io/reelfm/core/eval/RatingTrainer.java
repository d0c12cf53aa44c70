package io.reelfm.core.eval;

/**
 * Builds a {@link RatingPredictor} from training ratings. The harness is generic over this
 * interface so any learner (bias baseline, FM with ALS/SGD/MCMC) is evaluated the same way.
 */
public interface RatingTrainer {

    /** A short label for reports, e.g. "bias" or "fm-als-k8". */
    String name();

    /**
     * Trains on {@code train}. Iterative learners call {@code listener} after each iteration
     * with a predictor reflecting the model so far, which the harness uses for the
     * test-error-per-iteration chart; one-shot learners may call it once or never.
     *
     * @param monitor held-out rows the per-iteration predictors must be able to score (e.g. MCMC
     *        averages its samples' predictions on them); never used for fitting; may be null
     */
    RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener);

    /**
     * False for ranking models, whose scores order items but are not ratings: the harness then
     * reports no RMSE, MAE, AUC or log-loss for them, only ranking metrics.
     */
    default boolean predictsRatings() {
        return true;
    }

    /** Trains without per-iteration monitoring. */
    default RatingPredictor train(RatingSet train) {
        return train(train, null, IterationListener.NONE);
    }

    /** Receives the model after each training iteration (1-based). */
    @FunctionalInterface
    interface IterationListener {
        IterationListener NONE = (iteration, current) -> { };

        void onIteration(int iteration, RatingPredictor current);
    }
}
