package io.reelfm.core.fm;

/** What the FM output means: a rating clipped to the scale, or the logit of a binary label. */
public enum FmTask {
    REGRESSION,
    /** Targets are 0/1 (e.g. "liked" = rating at least 4); the model output is a logit. */
    CLASSIFICATION,
    /**
     * Implicit ranking ({@link io.reelfm.core.rank.ImplicitAls}): the output orders items for a
     * user and is not a rating; users are folded in under the implicit loss, with every unobserved
     * item a weak negative.
     */
    RANKING
}
