package io.reelfm.trainer.eval;

import java.util.Arrays;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.trainer.store.RatingStore;

/**
 * Splits the training set into train rows and holdout rows: for each eligible user, their most
 * recent ratings are held out — what a live system is asked to predict next. Deterministic for a
 * given store content and seed, so every candidate of a round is judged on the same holdout; and
 * chosen by ids, not by the order events arrived in, so two replays of the same ratings hold out
 * the same ratings (users by a seeded hash of their id, ratings of one second by item id).
 *
 * @param train   store rows to fit on
 * @param holdout store rows to evaluate on, grouped by user
 */
public record HoldoutSplit(int[] train, int[] holdout) {

    /**
     * @param perUser    ratings held out per eligible user
     * @param minRatings users with fewer ratings are never held out (fold-in needs some history)
     * @param maxUsers   at most this many users are held out, chosen by a seeded hash
     */
    public static HoldoutSplit of(RatingStore store, IdIndex users, IdIndex items, int perUser, int minRatings,
                                  int maxUsers, long seed) {
        int n = store.size();
        int userCount = users.size();
        int[] starts = new int[userCount + 1];
        for (int r = 0; r < n; r++) {
            starts[store.user(r) + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            starts[u + 1] += starts[u];
        }
        int[] fill = starts.clone();
        int[] byUser = new int[n];
        for (int r = 0; r < n; r++) {
            byUser[fill[store.user(r)]++] = r;
        }
        boolean[] chosen = chooseUsers(starts, users, minRatings, maxUsers, seed);
        boolean[] held = new boolean[n];
        int heldCount = 0;
        Integer[] rows = new Integer[0];
        for (int u = 0; u < userCount; u++) {
            if (!chosen[u]) {
                continue;
            }
            int count = starts[u + 1] - starts[u];
            if (rows.length < count) {
                rows = new Integer[count];
            }
            for (int j = 0; j < count; j++) {
                rows[j] = byUser[starts[u] + j];
            }
            Arrays.sort(rows, 0, count, (a, b) -> store.seconds(a) != store.seconds(b)
                    ? Integer.compare(store.seconds(b), store.seconds(a))
                    : items.id(store.item(b)).compareTo(items.id(store.item(a))));
            for (int j = 0; j < Math.min(perUser, count); j++) {
                held[rows[j]] = true;
                heldCount++;
            }
        }
        int[] train = new int[n - heldCount];
        int[] holdout = new int[heldCount];
        int t = 0;
        int h = 0;
        for (int u = 0; u < userCount; u++) {
            for (int j = starts[u]; j < starts[u + 1]; j++) {
                int r = byUser[j];
                if (held[r]) {
                    holdout[h++] = r;
                }
            }
        }
        for (int r = 0; r < n; r++) {
            if (!held[r]) {
                train[t++] = r;
            }
        }
        return new HoldoutSplit(train, holdout);
    }

    private static boolean[] chooseUsers(int[] starts, IdIndex users, int minRatings, int maxUsers, long seed) {
        int userCount = users.size();
        boolean[] chosen = new boolean[userCount];
        long[] keyed = new long[userCount];
        int eligible = 0;
        for (int u = 0; u < userCount; u++) {
            if (starts[u + 1] - starts[u] >= minRatings) {
                long h = (users.id(u).hashCode() + seed) * 0x9E3779B97F4A7C15L;
                h ^= h >>> 29;
                keyed[eligible++] = ((h >>> 1) & 0x7fffffff00000000L) | u;
            }
        }
        Arrays.sort(keyed, 0, eligible);
        for (int j = 0; j < Math.min(eligible, maxUsers); j++) {
            chosen[(int) (keyed[j] & 0xffffffffL)] = true;
        }
        return chosen;
    }
}
