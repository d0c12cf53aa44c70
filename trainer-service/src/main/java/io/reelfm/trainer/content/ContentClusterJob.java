package io.reelfm.trainer.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.snapshot.ClusterSnapshot;
import io.reelfm.trainer.store.RatingStore;
import io.reelfm.trainer.store.TrainingState;

/**
 * Clusters the catalogue on its metadata and the rating statistics streamed so far: one-hot
 * genres, release year (scaled to centuries), smoothed mean rating and log popularity. Produces
 * the {@link ClusterSnapshot} of a {@code content-kmeans} version with a readable label per
 * cluster (its dominant genres and decade).
 */
public final class ContentClusterJob {

    private static final double PRIOR_WEIGHT = 5;

    private final int clusters;
    private final int iterations;
    private final long seed;

    public ContentClusterJob(int clusters, int iterations, long seed) {
        this.clusters = clusters;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** The clustering and its metrics, or null when the catalogue is empty. */
    public Outcome run(TrainingState state) {
        Map<String, Movie> movies = state.movies();
        if (movies.isEmpty()) {
            return null;
        }
        List<String> ids = new ArrayList<>(new TreeSet<>(movies.keySet()));
        List<String> genres = new ArrayList<>(new TreeSet<>(movies.values().stream()
                .flatMap(m -> m.getGenres().stream()).toList()));
        double[] sum = new double[state.items().size()];
        int[] count = new int[state.items().size()];
        RatingStore store = state.ratings();
        double total = 0;
        for (int r = 0; r < store.size(); r++) {
            sum[store.item(r)] += store.rating(r);
            count[store.item(r)]++;
            total += store.rating(r);
        }
        double globalMean = store.size() == 0 ? 3.0 : total / store.size();
        int maxCount = 1;
        for (int c : count) {
            maxCount = Math.max(maxCount, c);
        }
        double meanYear = movies.values().stream().filter(m -> m.getYear() != null).mapToInt(Movie::getYear).average().orElse(2000);
        int dims = genres.size() + 3;
        float[][] rows = new float[ids.size()][dims];
        double[] itemMean = new double[ids.size()];
        for (int j = 0; j < ids.size(); j++) {
            Movie m = movies.get(ids.get(j));
            for (String g : m.getGenres()) {
                rows[j][genres.indexOf(g)] = 1;
            }
            double year = m.getYear() == null ? meanYear : m.getYear();
            rows[j][genres.size()] = (float) ((year - 1900) / 100);
            int i = state.items().find(ids.get(j));
            int n = i < 0 ? 0 : count[i];
            double s = i < 0 ? 0 : sum[i];
            itemMean[j] = (s + PRIOR_WEIGHT * globalMean) / (n + PRIOR_WEIGHT);
            rows[j][genres.size() + 1] = (float) ((itemMean[j] - 3) / 2);
            rows[j][genres.size() + 2] = (float) (Math.log1p(n) / Math.log1p(maxCount));
        }
        KMeans.Result result = KMeans.fit(rows, clusters, iterations, seed);
        List<ClusterSnapshot.Cluster> described = describe(result, rows, genres, itemMean, movies, ids);
        List<String> names = new ArrayList<>(genres.stream().map(g -> "genre:" + g).toList());
        names.add("year/100");
        names.add("meanRating");
        names.add("popularity");
        ClusterSnapshot snapshot = new ClusterSnapshot(names, result.centroids(), described,
                ids.toArray(String[]::new), result.assignments());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("inertia", result.inertia());
        metrics.put("clusters", (double) result.centroids().length);
        metrics.put("items", (double) ids.size());
        return new Outcome(snapshot, metrics);
    }

    private static List<ClusterSnapshot.Cluster> describe(KMeans.Result result, float[][] rows, List<String> genres,
                                                          double[] itemMean, Map<String, Movie> movies, List<String> ids) {
        int k = result.centroids().length;
        List<ClusterSnapshot.Cluster> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int size = 0;
            double mean = 0;
            double[] genreShare = new double[genres.size()];
            Map<Integer, Integer> decades = new LinkedHashMap<>();
            for (int j = 0; j < rows.length; j++) {
                if (result.assignments()[j] != c) {
                    continue;
                }
                size++;
                mean += itemMean[j];
                for (int g = 0; g < genres.size(); g++) {
                    genreShare[g] += rows[j][g];
                }
                Integer year = movies.get(ids.get(j)).getYear();
                if (year != null) {
                    decades.merge(year / 10 * 10, 1, Integer::sum);
                }
            }
            final int members = Math.max(1, size);
            List<String> top = new ArrayList<>();
            java.util.stream.IntStream.range(0, genres.size()).boxed()
                    .filter(g -> genreShare[g] / members >= 0.25)
                    .sorted(Comparator.comparingDouble((Integer g) -> -genreShare[g]).thenComparing(genres::get))
                    .limit(3).forEach(g -> top.add(genres.get(g)));
            String decade = decades.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(e -> e.getKey() + "s").orElse("unknown years");
            String label = (top.isEmpty() ? "mixed genres" : String.join("/", top)) + ", mostly " + decade;
            out.add(new ClusterSnapshot.Cluster(size, label, top, (float) (size == 0 ? 0 : mean / size)));
        }
        return out;
    }

    /** A clustering ready to publish. */
    public record Outcome(ClusterSnapshot snapshot, Map<String, Double> metrics) {
    }
}
