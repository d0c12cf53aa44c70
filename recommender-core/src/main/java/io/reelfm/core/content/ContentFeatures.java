package io.reelfm.core.content;

import java.util.List;

/**
 * A MinMax-scaled item × feature matrix with the feature names, the input of PCA and
 * k-means and the vocabulary for describing clusters. Row i belongs to {@code itemIds.get(i)}.
 */
public record ContentFeatures(List<String> itemIds, List<String> featureNames, float[][] values) {

    public ContentFeatures {
        itemIds = List.copyOf(itemIds);
        featureNames = List.copyOf(featureNames);
        if (values.length != itemIds.size()) {
            throw new IllegalArgumentException("values has " + values.length + " rows for " + itemIds.size() + " items");
        }
    }

    /** Column means: the "global" profile clusters are compared with. */
    public float[] columnMeans() {
        float[] means = new float[featureNames.size()];
        for (float[] row : values) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= Math.max(1, values.length);
        }
        return means;
    }
}
