package io.reelfm.trainer.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.snapshot.ClusterSnapshot;

/**
 * Names content clusters for people browsing them: the genres at least a quarter of the members
 * share (at most three, most common first), the most common decade, then what the catalogue's
 * IMDb enrichment adds when it sets the cluster apart: the original region and language most
 * members share (more than half), and "short" or "long runtime" when the members' median runtime
 * is under 0.8 or over 1.25 times the catalogue's. E.g. "Horror/Thriller, mostly 1970s" on
 * MovieLens alone, "Drama/Musical, mostly 2000s, IN, hi, long runtime" enriched. Each cluster
 * also carries its size and mean (smoothed) rating.
 */
final class ClusterDescriber {

    private static final double GENRE_SHARE = 0.25;
    private static final int TOP_GENRES = 3;
    private static final double MAJORITY = 0.5;
    private static final double SHORT = 0.8;
    private static final double LONG = 1.25;

    private ClusterDescriber() {
    }

    /**
     * @param labels cluster of each movie, in the order of {@code movies}
     * @param itemMeans mean rating of each movie, in the same order
     */
    static List<ClusterSnapshot.Cluster> describe(int k, int[] labels, List<Movie> movies, List<Double> itemMeans) {
        List<ClusterSnapshot.Cluster> out = new ArrayList<>(k);
        double catalogueRuntime = medianRuntime(movies, j -> true);
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
            int cluster = c;
            StringBuilder label = new StringBuilder((top.isEmpty() ? "mixed genres" : String.join("/", top)) + ", mostly " + decade);
            majority(movies, labels, cluster, Movie::getRegion, members).ifPresent(r -> label.append(", ").append(r));
            majority(movies, labels, cluster, Movie::getLanguage, members).ifPresent(l -> label.append(", ").append(l));
            double runtime = medianRuntime(movies, j -> labels[j] == cluster);
            if (runtime > 0 && catalogueRuntime > 0) {
                label.append(runtime < SHORT * catalogueRuntime ? ", short runtime" : runtime > LONG * catalogueRuntime ? ", long runtime" : "");
            }
            out.add(new ClusterSnapshot.Cluster(size, label.toString(), top, (float) (size == 0 ? 0 : meanSum / size)));
        }
        return out;
    }

    /** The value more than half the cluster's members share, if one does. */
    private static Optional<String> majority(List<Movie> movies, int[] labels, int cluster, Function<Movie, String> field,
                                             int members) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int j = 0; j < labels.length; j++) {
            String v = labels[j] == cluster ? field.apply(movies.get(j)) : null;
            if (v != null && !v.isBlank()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> (double) e.getValue() / members > MAJORITY)
                .map(Map.Entry::getKey).findFirst();
    }

    /** Median runtime of the movies {@code member} accepts that have one; 0 when none has. */
    private static double medianRuntime(List<Movie> movies, IntPredicate member) {
        double[] runtimes = IntStream.range(0, movies.size()).filter(member)
                .mapToObj(movies::get).map(Movie::getRuntime).filter(Objects::nonNull).mapToDouble(Integer::doubleValue)
                .sorted().toArray();
        if (runtimes.length == 0) {
            return 0;
        }
        int mid = runtimes.length / 2;
        return runtimes.length % 2 == 1 ? runtimes[mid] : (runtimes[mid - 1] + runtimes[mid]) / 2;
    }
}
