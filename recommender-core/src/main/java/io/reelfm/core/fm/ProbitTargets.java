package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * The latent targets of probit classification: each sweep replaces a row's target by a draw
 * from the normal around its current prediction, truncated to the side its label says. Kept
 * apart because regression needs none of it and the labels must outlive the overwritten targets.
 */
final class ProbitTargets {

    private final boolean[] positive;

    /** Reads the labels of {@code data} and sets the learner's targets to +1 / -1. */
    ProbitTargets(FmData data, CoordinateLearner c) {
        for (int i = 0; i < c.targets.length; i++) {
            c.targets[i] = c.targets[i] > 0.5f ? 1f : -1f;
        }
        positive = new boolean[data.rows()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = data.target(i) > 0.5f;
        }
    }

    /** Draws every row's latent target and moves its residual with it. */
    void sample(CoordinateLearner c, SplittableRandom rnd) {
        for (int i = 0; i < c.e.length; i++) {
            double yhat = c.targets[i] - c.e[i];
            double z = Gamma.truncatedNormal(yhat, positive[i], rnd);
            c.targets[i] = (float) z;
            c.e[i] = z - yhat;
        }
    }
}
