package io.reelfm.core.eval.split;

import io.reelfm.core.eval.RatingSet;
import java.util.BitSet;

/**
 * One train/test pair over a shared index space, named for reports ("u1", "kfold-3/5", "time").
 *
 * @param foldIn     null for the usual protocols; for strong generalisation, the earlier ratings of
 *                   the held-out users, which the model never trains on: each such user is folded in
 *                   from these alone and ranked against their {@code test} ratings
 * @param candidates null for the usual protocols (lists are drawn from the whole catalogue); for the
 *                   item cold-start protocol, the held-out items, the only ones a list may hold
 */
public record Split(String name, RatingSet train, RatingSet test, RatingSet foldIn, BitSet candidates) {

    public Split(String name, RatingSet train, RatingSet test) {
        this(name, train, test, null, null);
    }

    public Split(String name, RatingSet train, RatingSet test, RatingSet foldIn) {
        this(name, train, test, foldIn, null);
    }

    public Split {
        if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("split " + name + ": train and test index spaces differ ("
                    + train.numUsers() + "x" + train.numItems() + " vs " + test.numUsers() + "x" + test.numItems() + ")");
        }
        if (foldIn != null && (foldIn.numUsers() != test.numUsers() || foldIn.numItems() != test.numItems())) {
            throw new IllegalArgumentException("split " + name + ": fold-in and test index spaces differ");
        }
        candidates = candidates == null ? null : (BitSet) candidates.clone();
    }

    /** True when test users are unseen in training and must be folded in (strong generalisation). */
    public boolean strong() {
        return foldIn != null;
    }

    /** The items a list may hold (a copy), or null for the whole catalogue. */
    @Override
    public BitSet candidates() {
        return candidates == null ? null : (BitSet) candidates.clone();
    }
}
