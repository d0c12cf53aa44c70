package io.reelfm.core.eval.split;

import io.reelfm.core.eval.RatingSet;

/** One train/test pair over a shared index space, named for reports ("u1", "kfold-3/5", "time"). */
public record Split(String name, RatingSet train, RatingSet test) {

    public Split {
        if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("split " + name + ": train and test index spaces differ ("
                    + train.numUsers() + "x" + train.numItems() + " vs " + test.numUsers() + "x" + test.numItems() + ")");
        }
    }
}
