package io.reelfm.core.deepfm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.reelfm.core.eval.RatingSet;

/**
 * Each user's ratings cut at random into targets (what the re-ranker must learn to find) and a
 * known history (what the retrieval model and the user's fields may see). Decided in one place
 * because a target that leaked into the history would inflate the retrieval scores the network
 * learns to trust.
 */
final class TargetSplit {

    /** One user's side of the split: their history and, among their targets, the liked and the disliked items. */
    record UserRatings(BitSet seen, BitSet wanted, BitSet disliked, List<Integer> history) {

        int[] historyItems() {
            return history.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private final RatingSet train;
    private final List<List<Integer>> byUser;
    private final boolean[] target;

    private TargetSplit(RatingSet train, List<List<Integer>> byUser, boolean[] target) {
        this.train = train;
        this.byUser = byUser;
        this.target = target;
    }

    /**
     * Shuffles each user's ratings with {@code random} and makes the first {@code targetShare} of
     * them (at least one, never all) targets; users with fewer than two ratings keep them all as history.
     */
    static TargetSplit draw(RatingSet train, double targetShare, Random random) {
        int users = train.numUsers();
        List<List<Integer>> byUser = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            byUser.add(new ArrayList<>());
        }
        for (int r = 0; r < train.size(); r++) {
            byUser.get(train.user(r)).add(r);
        }
        boolean[] target = new boolean[train.size()];
        for (List<Integer> rows : byUser) {
            if (rows.size() < 2) {
                continue;
            }
            Collections.shuffle(rows, random);
            int t = (int) Math.max(1, Math.min(rows.size() - 1, Math.round(rows.size() * targetShare)));
            for (int j = 0; j < t; j++) {
                target[rows.get(j)] = true;
            }
        }
        return new TargetSplit(train, byUser, target);
    }

    /** The ratings that are not targets: what the retrieval model is fitted on. */
    RatingSet history() {
        int contextSize = 0;
        for (boolean b : target) {
            contextSize += b ? 0 : 1;
        }
        int[] cu = new int[contextSize];
        int[] ci = new int[contextSize];
        float[] cv = new float[contextSize];
        long[] ct = new long[contextSize];
        int c = 0;
        for (int r = 0; r < train.size(); r++) {
            if (!target[r]) {
                cu[c] = train.user(r);
                ci[c] = train.item(r);
                cv[c] = train.value(r);
                ct[c++] = train.time(r);
            }
        }
        return new RatingSet(cu, ci, cv, ct, train.numUsers(), train.numItems());
    }

    /** One user's split; a target counts as wanted when rated at or above {@code liked}. */
    UserRatings user(int u, float liked) {
        int n = train.numItems();
        BitSet seen = new BitSet(n);
        BitSet wanted = new BitSet(n);
        BitSet disliked = new BitSet(n);
        List<Integer> history = new ArrayList<>();
        for (int r : byUser.get(u)) {
            if (target[r]) {
                (train.value(r) >= liked ? wanted : disliked).set(train.item(r));
            } else {
                seen.set(train.item(r));
                history.add(train.item(r));
            }
        }
        return new UserRatings(seen, wanted, disliked, history);
    }
}
