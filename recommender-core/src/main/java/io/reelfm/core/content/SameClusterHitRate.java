package io.reelfm.core.content;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import io.reelfm.core.eval.RatingSet;

/**
 * Whether "movies from the same cluster" predicts what people go on to like: for each user, the
 * share of (movie liked in training, movie liked in the test split) pairs whose two movies share
 * a cluster, averaged over users; beside it the same measure of random clusterings with the same
 * cluster sizes (the labels shuffled among the items, {@value #SHUFFLES} times, seeded). Their
 * ratio (the lift) makes "the clusters are useful" a number: 1 means the clusters know nothing of
 * taste. The baseline is measured, not computed from the sizes, because likes crowd onto few
 * popular movies: one shuffle's share strays far from the closed-form expectation, so a single
 * random draw or the formula would flatter or punish the clusters by chance.
 *
 * @param hitRate       mean over users of their same-cluster share of (training like, test like) pairs
 * @param randomHitRate the same share, averaged over the shuffled clusterings
 * @param users         users with at least one such pair
 * @param pairs         pairs counted over all users
 */
public record SameClusterHitRate(double hitRate, double randomHitRate, int users, long pairs) {

    /** Random clusterings averaged for the baseline. */
    public static final int SHUFFLES = 20;
    private static final long SEED = 20_101;

    /** How many times the random share the clusters achieve; NaN when nothing was measured. */
    public double lift() {
        return randomHitRate > 0 ? hitRate / randomHitRate : Double.NaN;
    }

    /**
     * @param clusterOf cluster of each item index of the rating sets, -1 for an item the clustering does not know
     * @param liked     a rating at or above this is a like (the evaluation's relevance threshold)
     */
    public static SameClusterHitRate measure(int[] clusterOf, RatingSet train, RatingSet test, float liked) {
        int[][] trainRows = train.rowsByUser();
        int[][] testRows = test.rowsByUser();
        Share actual = share(clusterOf, train, test, trainRows, testRows, liked);
        Random random = new Random(SEED);
        int[] shuffled = clusterOf.clone();
        double baseline = 0;
        for (int s = 0; s < SHUFFLES; s++) {
            shuffleClustered(shuffled, random);
            baseline += share(shuffled, train, test, trainRows, testRows, liked).mean();
        }
        return new SameClusterHitRate(actual.mean(), baseline / SHUFFLES, actual.users(), actual.pairs());
    }

    private record Share(double mean, int users, long pairs) {
    }

    private static Share share(int[] clusterOf, RatingSet train, RatingSet test, int[][] trainRows, int[][] testRows,
                               float liked) {
        double sum = 0;
        int users = 0;
        long pairs = 0;
        for (int u = 0; u < Math.min(trainRows.length, testRows.length); u++) {
            int[] seedClusters = likedClusters(train, trainRows[u], clusterOf, liked);
            int[] targetClusters = likedClusters(test, testRows[u], clusterOf, liked);
            if (seedClusters.length == 0 || targetClusters.length == 0) {
                continue;
            }
            long hits = 0;
            for (int s : seedClusters) {
                for (int t : targetClusters) {
                    hits += s == t ? 1 : 0;
                }
            }
            long n = (long) seedClusters.length * targetClusters.length;
            sum += (double) hits / n;
            pairs += n;
            users++;
        }
        return new Share(users == 0 ? 0 : sum / users, users, pairs);
    }

    /** Shuffles the labels among the clustered items (Fisher–Yates), leaving unclustered ones (-1) in place. */
    private static void shuffleClustered(int[] labels, Random random) {
        int[] positions = IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
        for (int i = positions.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int a = positions[i];
            int b = positions[j];
            int t = labels[a];
            labels[a] = labels[b];
            labels[b] = t;
        }
    }

    private static int[] likedClusters(RatingSet ratings, int[] rows, int[] clusterOf, float liked) {
        if (rows == null) {
            return new int[0];
        }
        return Arrays.stream(rows).filter(r -> ratings.value(r) >= liked)
                .map(r -> ratings.item(r) < clusterOf.length ? clusterOf[ratings.item(r)] : -1).filter(c -> c >= 0).toArray();
    }
}
