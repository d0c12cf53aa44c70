package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * The validation slice every {@link RankingTuner} search scores its candidates on. Kept apart from
 * the searches so that all of them set aside the same rows for a seed, and so that the cap on
 * validation users, which bounds the search's cost, is applied in one place.
 */
final class ValidationSlice {

    /** Most users whose lists a validation pass ranks: bounds the search's cost on large data sets. */
    static final int MAX_VALIDATION_USERS = 2000;

    private final double share;
    private final long seed;

    ValidationSlice(double share, long seed) {
        this.share = share;
        this.seed = seed;
    }

    /**
     * {fit, validation}: a random {@code share} of the rows of each user with at least 5, seeded.
     * When more than {@value #MAX_VALIDATION_USERS} users qualify, a seeded sample of that many
     * gives validation rows and the others keep all theirs for fitting, so ranking the validation
     * lists costs the same at 25M ratings as at 100K.
     */
    RatingSet[] split(RatingSet train) {
        int[][] byUser = train.rowsByUser();
        boolean[] validating = validationUsers(byUser);
        Random random = new Random(seed);
        List<Integer> fit = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int u = 0; u < byUser.length; u++) {
            int[] rows = byUser[u];
            int[] shuffled = rows.clone();
            for (int j = shuffled.length - 1; j > 0; j--) {
                int s = random.nextInt(j + 1);
                int t = shuffled[j];
                shuffled[j] = shuffled[s];
                shuffled[s] = t;
            }
            int hold = validating[u] ? (int) Math.max(1, Math.round(rows.length * share)) : 0;
            for (int j = 0; j < shuffled.length; j++) {
                (j < hold ? held : fit).add(shuffled[j]);
            }
        }
        return new RatingSet[] {train.select(fit.stream().mapToInt(Integer::intValue).toArray()),
            train.select(held.stream().mapToInt(Integer::intValue).toArray())};
    }

    private boolean[] validationUsers(int[][] byUser) {
        boolean[] out = new boolean[byUser.length];
        List<Integer> eligible = new ArrayList<>();
        for (int u = 0; u < byUser.length; u++) {
            if (byUser[u].length >= 5) {
                eligible.add(u);
            }
        }
        if (eligible.size() > MAX_VALIDATION_USERS) {
            Collections.shuffle(eligible, new Random(seed + 1));
        }
        for (int j = 0; j < Math.min(MAX_VALIDATION_USERS, eligible.size()); j++) {
            out[eligible.get(j)] = true;
        }
        return out;
    }

    /** The users with validation rows: the only ones whose lists a validation pass ranks. */
    static IntPredicate validatedUsers(RatingSet validation) {
        BitSet users = new BitSet(validation.numUsers());
        for (int r = 0; r < validation.size(); r++) {
            users.set(validation.user(r));
        }
        return users::get;
    }
}
