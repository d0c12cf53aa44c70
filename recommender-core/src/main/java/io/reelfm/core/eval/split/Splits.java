package io.reelfm.core.eval.split;

import io.reelfm.core.eval.RatingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Ways to cut one rating set into train/test pairs. All are deterministic for a given seed and
 * every rating lands in exactly one test fold (k-fold) or one side (holdout).
 */
public final class Splits {

    private Splits() {
    }

    /** Shuffled k-fold cross-validation: fold f tests on every k-th row of a seeded permutation. */
    public static List<Split> kFold(RatingSet all, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        if (all.size() < k) {
            throw new IllegalArgumentException("k=" + k + " exceeds the " + all.size() + " ratings");
        }
        int[] perm = permutation(all.size(), seed);
        List<Split> splits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int fold = f;
            int[] test = IntStream.range(0, perm.length).filter(p -> p % k == fold).map(p -> perm[p]).sorted().toArray();
            int[] train = IntStream.range(0, perm.length).filter(p -> p % k != fold).map(p -> perm[p]).sorted().toArray();
            splits.add(new Split("kfold-" + (f + 1) + "/" + k, all.select(train), all.select(test)));
        }
        return splits;
    }

    /**
     * Per-user time holdout: each user's {@code lastN} most recent ratings go to test (ties in
     * time broken by row order); a user keeps at least one training rating.
     */
    public static Split timeHoldoutLastN(RatingSet all, int lastN) {
        if (lastN < 1) {
            throw new IllegalArgumentException("lastN must be at least 1, got " + lastN);
        }
        return timeHoldout(all, "time-last" + lastN, count -> Math.min(lastN, count - 1));
    }

    /** Per-user time holdout of the most recent {@code fraction} of each user's ratings (rounded, at least one kept in train). */
    public static Split timeHoldoutFraction(RatingSet all, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        return timeHoldout(all, "time-" + fraction, count -> Math.min(count - 1, (int) Math.round(count * fraction)));
    }

    private static Split timeHoldout(RatingSet all, String name, java.util.function.IntUnaryOperator testCount) {
        int[][] byUser = all.rowsByUser();
        boolean[] isTest = new boolean[all.size()];
        for (int[] rows : byUser) {
            if (rows.length < 2) {
                continue;
            }
            Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.<Integer>comparingLong(all::time).thenComparingInt(r -> r));
            int n = testCount.applyAsInt(rows.length);
            for (int j = rows.length - n; j < rows.length; j++) {
                isTest[boxed[j]] = true;
            }
        }
        int[] test = IntStream.range(0, all.size()).filter(r -> isTest[r]).toArray();
        int[] train = IntStream.range(0, all.size()).filter(r -> !isTest[r]).toArray();
        return new Split(name, all.select(train), all.select(test));
    }

    /**
     * Strong generalisation (Marlin 2004; Liang et al. 2018): a seeded {@code userShare} of the
     * users with at least 5 ratings is held out whole. Training has only the other users. Each
     * held-out user's ratings are ordered by time; the earlier {@code 1 - testShare} are the
     * fold-in history, the rest the test. The model must serve these users as serving serves a
     * user it never saw: from their history alone.
     */
    public static Split strongGeneralisation(RatingSet all, double userShare, double testShare, long seed) {
        if (!(userShare > 0 && userShare < 1)) {
            throw new IllegalArgumentException("user share must be in (0, 1), got " + userShare);
        }
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("test share must be in (0, 1), got " + testShare);
        }
        int[][] byUser = all.rowsByUser();
        int[] eligible = IntStream.range(0, byUser.length).filter(u -> byUser[u].length >= 5).toArray();
        int[] order = permutation(eligible.length, seed);
        int heldCount = (int) Math.max(1, Math.round(eligible.length * userShare));
        boolean[] held = new boolean[byUser.length];
        for (int j = 0; j < Math.min(heldCount, eligible.length); j++) {
            held[eligible[order[j]]] = true;
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> foldIn = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int u = 0; u < byUser.length; u++) {
            int[] rows = byUser[u];
            if (!held[u]) {
                for (int r : rows) {
                    train.add(r);
                }
                continue;
            }
            Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.<Integer>comparingLong(all::time).thenComparingInt(r -> r));
            int testCount = Math.max(1, Math.min(rows.length - 1, (int) Math.round(rows.length * testShare)));
            for (int j = 0; j < boxed.length; j++) {
                (j < boxed.length - testCount ? foldIn : test).add(boxed[j]);
            }
        }
        return new Split("strong-" + userShare, all.select(sorted(train)), all.select(sorted(test)),
                all.select(sorted(foldIn)));
    }

    /**
     * Item cold start (Schein et al. 2002; Gantner et al. 2010): a seeded {@code itemShare} of the
     * rated items is held out whole. Training has every rating of the other items; the test is
     * every rating of the held-out ones, and each user's list is drawn from the held-out items
     * only ({@link Split#candidates}), since those are the new films the protocol asks a model to
     * place. A model that learns only from interactions has nothing to tell them apart; one that
     * reads their attributes can.
     */
    public static Split coldItems(RatingSet all, double itemShare, long seed) {
        if (!(itemShare > 0 && itemShare < 1)) {
            throw new IllegalArgumentException("item share must be in (0, 1), got " + itemShare);
        }
        boolean[] rated = new boolean[all.numItems()];
        for (int r = 0; r < all.size(); r++) {
            rated[all.item(r)] = true;
        }
        int[] eligible = IntStream.range(0, rated.length).filter(i -> rated[i]).toArray();
        if (eligible.length < 2) {
            throw new IllegalArgumentException("needs at least 2 rated items, got " + eligible.length);
        }
        int[] order = permutation(eligible.length, seed);
        int heldCount = (int) Math.min(eligible.length - 1, Math.max(1, Math.round(eligible.length * itemShare)));
        java.util.BitSet held = new java.util.BitSet(all.numItems());
        for (int j = 0; j < heldCount; j++) {
            held.set(eligible[order[j]]);
        }
        int[] test = IntStream.range(0, all.size()).filter(r -> held.get(all.item(r))).toArray();
        int[] train = IntStream.range(0, all.size()).filter(r -> !held.get(all.item(r))).toArray();
        return new Split("cold-items-" + itemShare, all.select(train), all.select(test), null, held);
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static int[] permutation(int n, long seed) {
        int[] perm = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        return perm;
    }
}
