package io.reelfm.core.fm;

/** How FM parameters are learned; see the trainer classes for the trade-offs. */
public enum FmLearner {
    /** Online stochastic gradient descent, one update per event: {@link SgdFmTrainer}. */
    SGD,
    /** Closed-form coordinate descent (libFM's ALS): {@link AlsFmTrainer}. */
    ALS,
    /** Bayesian FM by Gibbs sampling with hyperpriors (libFM's default): {@link McmcFmTrainer}. */
    MCMC
}
