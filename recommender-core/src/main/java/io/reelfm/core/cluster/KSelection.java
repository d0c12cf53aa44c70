package io.reelfm.core.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses k by silhouette: runs k-means for each k in a range and reports inertia (for the
 * elbow chart) and silhouette (sampled above {@code silhouetteSample} points) per k; the best
 * k is the one with the highest silhouette, the smaller k on a tie.
 */
public final class KSelection {

    private KSelection() {
    }

    /** One row of the elbow/silhouette report. */
    public record Score(int k, double inertia, double silhouette, KMeansModel model) {
    }

    /** The full report; {@link #best()} is the chosen k. */
    public record Report(List<Score> scores) {
        public Report {
            if (scores.isEmpty()) {
                throw new IllegalArgumentException("scores is empty");
            }
            scores = List.copyOf(scores);
        }

        public Score best() {
            return scores.stream().max(Comparator.comparingDouble(Score::silhouette)
                    .thenComparing(Comparator.comparingInt(Score::k).reversed())).orElseThrow();
        }
    }

    /** Upper bound of {@link #largestK(int)}: the most clusters a person browses as a list of themes. */
    public static final int MAX_AUTO_K = 40;

    /**
     * The largest k worth trying on {@code n} points when nobody says: √(n/2), the usual rule of
     * thumb, at least 2, at most {@value #MAX_AUTO_K} and n − 1 (so the silhouette is defined). The
     * silhouette then chooses within it, so a 40-film catalogue is not cut into 20 clusters of two
     * and a 60,000-film one is not forced into a dozen. The trainer and {@code evaluate} both use it.
     */
    public static int largestK(int n) {
        int rule = (int) Math.round(Math.sqrt(n / 2.0));
        return Math.max(2, Math.min(Math.min(MAX_AUTO_K, rule), n - 1));
    }

    public static Report run(float[][] points, int minK, int maxK, KMeansConfig base, int silhouetteSample) {
        if (minK < 2 || maxK < minK) {
            throw new IllegalArgumentException("need 2 <= minK <= maxK, got minK=" + minK + " maxK=" + maxK);
        }
        if (maxK > points.length) {
            throw new IllegalArgumentException("maxK=" + maxK + " exceeds the number of points " + points.length);
        }
        List<Score> scores = new ArrayList<>();
        for (int k = minK; k <= maxK; k++) {
            KMeansModel model = KMeans.fit(points, base.withK(k));
            double silhouette = Silhouette.score(points, model.labels(), silhouetteSample, base.seed());
            scores.add(new Score(k, model.inertia(), silhouette, model));
        }
        return new Report(scores);
    }
}
