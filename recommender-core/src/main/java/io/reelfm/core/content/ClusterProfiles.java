package io.reelfm.core.content;

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
     * Describes clusters by the mean content features of their members, whatever space they were
     * found in (the balanced clustering space of content features, FM item vectors): a profile
     * reads in the plain scaled features, so "genre:Horror 0.9" means nine members in ten are horror.
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
