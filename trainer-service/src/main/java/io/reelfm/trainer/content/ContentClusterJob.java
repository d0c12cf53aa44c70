package io.reelfm.trainer.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reelfm.core.cluster.DistanceKernel;
import io.reelfm.core.cluster.KMeans;
import io.reelfm.core.cluster.KMeansConfig;
import io.reelfm.core.cluster.KMeansModel;
import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.cluster.Silhouette;
import io.reelfm.core.content.CatalogueItem;
import io.reelfm.core.content.ContentClusteringConfig;
import io.reelfm.core.content.ContentFeatureBuilder;
import io.reelfm.core.content.ContentFeatures;
import io.reelfm.core.content.ItemStats;
import io.reelfm.core.pca.Pca;
import io.reelfm.core.pca.PcaModel;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.snapshot.ClusterSnapshot;
import io.reelfm.trainer.store.RatingStore;
import io.reelfm.trainer.store.TrainingState;

/**
 * Clusters the catalogue on its metadata and the rating statistics streamed so far with the
 * recommender-core content pipeline: MinMax-scaled genres, release year, mean rating and log
 * popularity, and runtime, original language and region when the catalogue carries them
 * ({@link ContentFeatureBuilder}), feature groups balanced ({@link ContentFeatures#clusteringSpace()}),
 * PCA to {@value #VARIANCE_TO_KEEP} of the variance, then k-means. Centroids are published as the
 * members' mean scaled features, so they read in the feature names.
 *
 * <p>k is either fixed or, by default, chosen from the data: every k from 2 to
 * {@link KSelection#largestK(int)} (√(n/2), at most 40) is fitted and the one with the best
 * silhouette wins. The chosen k and its silhouette are published with the version.
 * Produces the {@link ClusterSnapshot} of a {@code content-kmeans} version, its
 * centroids mapped back to the named features, with a readable label per cluster.
 */
public final class ContentClusterJob {

    /** Ratings of the global mean blended into each item mean, so a movie rated once does not sit at 1 or 5. */
    private static final double PRIOR_WEIGHT = 5;
    private static final double VARIANCE_TO_KEEP = ContentClusteringConfig.DEFAULT.varianceToKeep();
    private static final double TOLERANCE = 1e-4;
    private static final int RESTARTS = 4;
    /** The k of {@code clusters} meaning "choose k by silhouette". */
    public static final int AUTO = 0;
    private static final int SILHOUETTE_SAMPLE = 2000;

    private final int clusters;
    private final int iterations;
    private final long seed;

    /** @param clusters k, or {@link #AUTO} to choose it by silhouette */
    public ContentClusterJob(int clusters, int iterations, long seed) {
        this.clusters = clusters;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** The clustering and its metrics, or null when the catalogue is empty. */
    public Outcome run(TrainingState state) {
        Map<String, Movie> movies = new TreeMap<>(state.movies());
        if (movies.isEmpty()) {
            return null;
        }
        Map<String, ItemStats> stats = smoothedStats(state);
        ContentFeatures features = ContentFeatureBuilder.build(catalogue(movies), stats);
        int n = features.itemIds().size();
        float[][] space = features.clusteringSpace();
        PcaModel pca = n < 2 ? null : Pca.fit(space, VARIANCE_TO_KEEP);
        float[][] points = pca == null ? space : pca.transform(space);
        KMeansConfig base = new KMeansConfig(2, iterations, TOLERANCE, seed, 0, DistanceKernel.AUTO, RESTARTS);
        KMeansModel model;
        double silhouette;
        if (clusters == AUTO && n > 2) {
            KSelection.Score best = KSelection.run(points, 2, KSelection.largestK(n), base, SILHOUETTE_SAMPLE).best();
            model = best.model();
            silhouette = best.silhouette();
        } else {
            int k = clusters == AUTO ? Math.min(2, n) : Math.min(clusters, n);
            model = KMeans.fit(points, base.withK(k));
            silhouette = k < 2 || k >= n ? 0 : Silhouette.score(points, model.labels(), SILHOUETTE_SAMPLE, seed);
        }
        float[][] centroids = memberMeans(features.values(), model.labels(), model.k());
        List<Movie> members = new ArrayList<>(movies.values());
        List<ClusterSnapshot.Cluster> described = ClusterDescriber.describe(model.k(), model.labels(), members,
                features.itemIds().stream().map(id -> stats.get(id).mean()).toList());
        ClusterSnapshot snapshot = new ClusterSnapshot(features.featureNames(), centroids, described,
                features.itemIds().toArray(String[]::new), model.labels(), points);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("inertia", model.inertia() / n);
        metrics.put("clusters", (double) model.k());
        metrics.put("silhouette", silhouette);
        metrics.put("items", (double) n);
        metrics.put("components", (double) (pca == null ? features.featureNames().size() : pca.components()));
        return new Outcome(snapshot, metrics);
    }

    private static List<CatalogueItem> catalogue(Map<String, Movie> movies) {
        return movies.entrySet().stream()
                .map(e -> new CatalogueItem(e.getKey(), e.getValue().getTitle(), e.getValue().getYear(), e.getValue().getGenres(),
                        e.getValue().getRuntime(), e.getValue().getLanguage(), e.getValue().getRegion(),
                        e.getValue().getImdbRating(), e.getValue().getImdbVotes()))
                .toList();
    }

    /** Each cluster's mean of the plain scaled features: its centroid in the named features people read. */
    private static float[][] memberMeans(float[][] values, int[] labels, int k) {
        int d = values.length == 0 ? 0 : values[0].length;
        float[][] sums = new float[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < values.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                sums[labels[i]][j] += values[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sums[c][j] /= Math.max(1, sizes[c]);
            }
        }
        return sums;
    }

    /** Every catalogued item's rating count and its mean shrunk towards the global mean; unrated items get the global mean. */
    private static Map<String, ItemStats> smoothedStats(TrainingState state) {
        RatingStore store = state.ratings();
        ItemStats[] perItem = new ItemStats[state.items().size()];
        ItemStats global = new ItemStats();
        for (int r = 0; r < store.size(); r++) {
            int item = store.item(r);
            if (perItem[item] == null) {
                perItem[item] = new ItemStats();
            }
            perItem[item].add(store.rating(r));
            global.add(store.rating(r));
        }
        double globalMean = global.count() == 0 ? 3.0 : global.mean();
        Map<String, ItemStats> out = new HashMap<>();
        for (String id : state.movies().keySet()) {
            int i = state.items().find(id);
            ItemStats raw = i < 0 || perItem[i] == null ? new ItemStats() : perItem[i];
            double smoothed = (raw.count() * raw.mean() + PRIOR_WEIGHT * globalMean) / (raw.count() + PRIOR_WEIGHT);
            out.put(id, new ItemStats(raw.count(), smoothed));
        }
        return out;
    }

    /** A clustering ready to publish. */
    public record Outcome(ClusterSnapshot snapshot, Map<String, Double> metrics) {
    }
}
