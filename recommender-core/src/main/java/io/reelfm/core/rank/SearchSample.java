package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The users whose ratings the {@link RankingTuner} searches fit their candidates on. On a large set
 * one candidate fitted on every rating can take the whole search budget (at 25M ratings a single
 * iALS candidate took two minutes on two cores), so the search would compare nothing and the
 * calibration search would never try a strength. The searches then fit on a seeded sample of whole
 * users, as many as a candidate can fit in its share of the budget; every item stays in the sample.
 *
 * <p>Sampling whole users keeps the iALS problem the searches tune the same problem: the density
 * (which centres the unobserved weight) and each user's count are unchanged, and an item's ridge
 * {@code reg * (n_i + a0 |U|)^nu} shrinks with its data term by the same factor at {@code nu = 1},
 * so a regularisation that wins on the sample is the one to serve on the whole set. A set within
 * the cap is used whole, so small sets are tuned exactly as before.
 */
public final class SearchSample {

    /**
     * Ratings one core takes through one sweep of a search candidate per second (k = 64, 3 CG
     * steps): about 1.5M per second for two cores in a candidate on 22.5M ratings at the 25M shape.
     * Only the per-rating work shrinks with the sample; the item rows and the ranking of the
     * validation lists cost the same at any sample size, so at the 25M shape a one-minute search
     * starts 3 to 5 candidates rather than {@link #CANDIDATES} (docs/benchmarks.md, "The trainer at
     * the 25M shape").
     */
    static final double RATINGS_PER_CORE_SECOND = 750_000;
    /** Candidates a search budget should admit. */
    static final int CANDIDATES = 8;

    private final long maxRatings;
    private final long seed;

    /**
     * @param maxRatings a larger set is sampled down to about this many ratings
     * @param seed       which users are drawn
     */
    public SearchSample(long maxRatings, long seed) {
        if (maxRatings < 1) {
            throw new IllegalArgumentException("maxRatings must be >= 1, got " + maxRatings);
        }
        this.maxRatings = maxRatings;
        this.seed = seed;
    }

    /**
     * The sample that lets {@value #CANDIDATES} candidates of {@code sweeps} sweeps each fit within
     * {@code budget} on {@code cores} cores.
     */
    public static SearchSample forBudget(Duration budget, int sweeps, int cores, long seed) {
        double seconds = budget.toNanos() / 1e9;
        long cap = (long) (seconds * RATINGS_PER_CORE_SECOND * Math.max(1, cores) / (CANDIDATES * Math.max(1, sweeps)));
        return new SearchSample(Math.max(1, cap), seed);
    }

    /** Ratings above which a set is sampled. */
    public long maxRatings() {
        return maxRatings;
    }

    /**
     * {@code train} itself when it holds at most {@link #maxRatings()} ratings; otherwise all the
     * ratings of users drawn in seeded random order until the next would pass the cap (at least one
     * user), renumbered 0.. in their original order, over the same items.
     */
    public Sample of(RatingSet train) {
        if (train.size() <= maxRatings) {
            return new Sample(train, null);
        }
        int[][] byUser = train.rowsByUser();
        List<Integer> order = new ArrayList<>(byUser.length);
        for (int u = 0; u < byUser.length; u++) {
            if (byUser[u].length > 0) {
                order.add(u);
            }
        }
        Collections.shuffle(order, new Random(seed));
        List<Integer> drawn = new ArrayList<>();
        long total = 0;
        for (int u : order) {
            if (!drawn.isEmpty() && total + byUser[u].length > maxRatings) {
                break;
            }
            drawn.add(u);
            total += byUser[u].length;
        }
        int[] original = drawn.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = (int) total;
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        long[] times = new long[n];
        int row = 0;
        for (int s = 0; s < original.length; s++) {
            for (int r : byUser[original[s]]) {
                users[row] = s;
                items[row] = train.item(r);
                values[row] = train.value(r);
                times[row] = train.time(r);
                row++;
            }
        }
        return new Sample(new RatingSet(users, items, values, times, original.length, train.numItems()), original);
    }

    /**
     * The ratings a search fits on and, when sampled, which user of the full set each sample user is.
     *
     * @param ratings  the sample (the full set when not sampled)
     * @param original original user index of each sample user, null when the set is whole
     */
    public record Sample(RatingSet ratings, int[] original) {

        /** Whether the full set is used as it is. */
        public boolean whole() {
            return original == null;
        }

        /** The full-set user index of sample user {@code user}. */
        public int originalUser(int user) {
            return whole() ? user : original[user];
        }

        /** The attribute rows of the sample's users, in sample order. */
        public AttributeRows users(AttributeRows full) {
            if (whole()) {
                return full;
            }
            List<String> names = new ArrayList<>(full.attributes());
            for (int a = 0; a < full.attributes(); a++) {
                names.add(full.name(a));
            }
            int[][] rows = new int[original.length][];
            for (int s = 0; s < original.length; s++) {
                rows[s] = full.of(original[s]);
            }
            return new AttributeRows(names, rows);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sample other && ratings == other.ratings && Arrays.equals(original, other.original);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ratings) * 31 + Arrays.hashCode(original);
        }

        @Override
        public String toString() {
            return "Sample[" + ratings.size() + " ratings, " + (whole() ? "whole" : original.length + " users") + "]";
        }
    }
}
