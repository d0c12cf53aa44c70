package io.reelfm.core.content;

import io.reelfm.core.cluster.KMeansModel;
import io.reelfm.core.pca.PcaModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Describes each cluster by its dominant features. Centroids found in PCA space are mapped back
 * to the original feature names with the inverse PCA transform, so the description reads
 * "genre:Horror +0.71" rather than "component 3".
 */
public final class ClusterProfiles {

    private ClusterProfiles() {
    }

    /**
     * @param pca the projection the model was fitted in, or null when it was fitted on the features directly
     * @param top how many features to list per cluster
     */
    public static List<ClusterProfile> describe(KMeansModel model, PcaModel pca, ContentFeatures features, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        int expected = pca == null ? features.featureNames().size() : pca.components();
        if (model.dimensions() != expected) {
            throw new IllegalArgumentException("model has " + model.dimensions() + " dimensions, expected " + expected);
        }
        float[] globalMean = features.columnMeans();
        int[] sizes = model.sizes();
        List<ClusterProfile> profiles = new ArrayList<>();
        for (int c = 0; c < model.k(); c++) {
            float[] centroid = pca == null ? model.centroid(c) : pca.inverseTransform(model.centroid(c));
            List<ClusterProfile.Departure> departures = new ArrayList<>();
            for (int j = 0; j < centroid.length; j++) {
                departures.add(new ClusterProfile.Departure(features.featureNames().get(j), centroid[j], globalMean[j]));
            }
            departures.sort(Comparator.comparingDouble((ClusterProfile.Departure d) -> -Math.abs(d.departure()))
                    .thenComparing(ClusterProfile.Departure::feature));
            profiles.add(new ClusterProfile(c, sizes[c], departures.subList(0, Math.min(top, departures.size()))));
        }
        return profiles;
    }

    /**
     * Describes clusters found in another space (e.g. k-means on FM item vectors) by the mean
     * content features of their members.
     *
     * @param labels cluster of each row of {@code features}, or -1 for rows outside the clustering
     */
    public static List<ClusterProfile> describeMembers(int[] labels, int k, ContentFeatures features, int top) {
        if (labels.length != features.values().length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries for " + features.values().length + " items");
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        int d = features.featureNames().size();
        float[] globalMean = features.columnMeans();
        double[][] sums = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < 0) {
                continue;
            }
            if (c >= k) {
                throw new IllegalArgumentException("labels[" + i + "]=" + c + " outside 0.." + (k - 1));
            }
            sizes[c]++;
            for (int j = 0; j < d; j++) {
                sums[c][j] += features.values()[i][j];
            }
        }
        List<ClusterProfile> profiles = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<ClusterProfile.Departure> departures = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                double mean = sizes[c] == 0 ? globalMean[j] : sums[c][j] / sizes[c];
                departures.add(new ClusterProfile.Departure(features.featureNames().get(j), mean, globalMean[j]));
            }
            departures.sort(Comparator.comparingDouble((ClusterProfile.Departure x) -> -Math.abs(x.departure()))
                    .thenComparing(ClusterProfile.Departure::feature));
            profiles.add(new ClusterProfile(c, sizes[c], departures.subList(0, Math.min(top, departures.size()))));
        }
        return profiles;
    }
}
