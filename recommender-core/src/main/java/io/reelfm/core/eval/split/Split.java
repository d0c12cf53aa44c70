package io.reelfm.core.eval.split;

import io.reelfm.core.eval.RatingSet;

/**
 * One train/test pair over a shared index space, named for reports ("u1", "kfold-3/5", "time").
 *
 * @param foldIn null for the usual protocols; for strong generalisation, the earlier ratings of
 *               the held-out users, which the model never trains on: each such user is folded in
 *               from these alone and ranked against their {@code test} ratings
 */
public record Split(String name, RatingSet train, RatingSet test, RatingSet foldIn) {

    public Split(String name, RatingSet train, RatingSet test) {
        this(name, train, test, null);
    }

    public Split {
        if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("split " + name + ": train and test index spaces differ ("
                    + train.numUsers() + "x" + train.numItems() + " vs " + test.numUsers() + "x" + test.numItems() + ")");
        }
        if (foldIn != null && (foldIn.numUsers() != test.numUsers() || foldIn.numItems() != test.numItems())) {
            throw new IllegalArgumentException("split " + name + ": fold-in and test index spaces differ");
        }
    }

    /** True when test users are unseen in training and must be folded in (strong generalisation). */
    public boolean strong() {
        return foldIn != null;
    }
}
