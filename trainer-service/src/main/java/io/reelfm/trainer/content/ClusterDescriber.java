package io.reelfm.trainer.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.snapshot.ClusterSnapshot;

/**
 * Names content clusters for people browsing them: the genres at least a quarter of the members
 * share (at most three, most common first) and the most common decade, e.g. "Horror/Thriller,
 * mostly 1970s", with the cluster's size and mean (smoothed) rating.
 */
final class ClusterDescriber {

    private static final double GENRE_SHARE = 0.25;
    private static final int TOP_GENRES = 3;

    private ClusterDescriber() {
    }

    /**
     * @param labels cluster of each movie, in the order of {@code movies}
     * @param itemMeans mean rating of each movie, in the same order
     */
    static List<ClusterSnapshot.Cluster> describe(int k, int[] labels, List<Movie> movies, List<Double> itemMeans) {
        List<ClusterSnapshot.Cluster> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int size = 0;
            double meanSum = 0;
            Map<String, Integer> genres = new TreeMap<>();
            Map<Integer, Integer> decades = new TreeMap<>();
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] != c) {
                    continue;
                }
                Movie m = movies.get(j);
                size++;
                meanSum += itemMeans.get(j);
                m.getGenres().stream().distinct().forEach(g -> genres.merge(g, 1, Integer::sum));
                if (m.getYear() != null) {
                    decades.merge(m.getYear() / 10 * 10, 1, Integer::sum);
                }
            }
            int members = Math.max(1, size);
            List<String> top = genres.entrySet().stream()
                    .filter(e -> (double) e.getValue() / members >= GENRE_SHARE)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_GENRES).map(Map.Entry::getKey).toList();
            String decade = decades.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getKey() + "s").orElse("unknown years");
            String label = (top.isEmpty() ? "mixed genres" : String.join("/", top)) + ", mostly " + decade;
            out.add(new ClusterSnapshot.Cluster(size, label, top, (float) (size == 0 ? 0 : meanSum / size)));
        }
        return out;
    }
}
