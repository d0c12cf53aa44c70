package io.reelfm.trainer.model;

import java.util.Map;

/**
 * A full-fit algorithm for biased factor models. Implementations start from whatever the
 * parameters hold (a previous model = warm start) and must be deterministic for a given seed
 * and input order.
 */
public interface Learner {

    /** Short name recorded in manifests: {@code sgd}, {@code als}. */
    String name();

    void fit(TrainingSet data, FactorParams params);

    /** The L2 weight on user terms, which fold-in reuses. */
    double userLambda();

    /** Hyperparameters as recorded in the manifest. */
    Map<String, String> hyperparameters();
}
