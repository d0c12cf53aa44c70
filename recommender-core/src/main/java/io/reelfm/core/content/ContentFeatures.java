package io.reelfm.core.content;

import java.util.List;

/**
 * A MinMax-scaled item × feature matrix with the feature names, the input of PCA and
 * k-means and the vocabulary for describing clusters. Row i belongs to {@code itemIds.get(i)}.
 */
public record ContentFeatures(List<String> itemIds, List<String> featureNames, float[][] values) {

    /** Name prefixes of the one-hot feature groups. */
    static final String GENRE = "genre:";
    static final String LANGUAGE = "language:";
    static final String REGION = "region:";

    public ContentFeatures {
        itemIds = List.copyOf(itemIds);
        featureNames = List.copyOf(featureNames);
        if (values.length != itemIds.size()) {
            throw new IllegalArgumentException("values has " + values.length + " rows for " + itemIds.size() + " items");
        }
    }

    /**
     * The rows as k-means should measure them: every feature group weighs like one scaled number.
     * A movie's genre indicators are scaled to length 1/√2 (so two movies with no genre in common
     * are 1 apart, like the two ends of the year range, however many genres each has), and a
     * language or region indicator to 1/√2 (so two languages are 1 apart, not √2). Without this
     * the one-hot genres, a score of columns, outvote year and the rating statistics together,
     * and the clusters sort films by genre label alone, which on rating data predicts no better
     * than chance which films the same people like; with it, genre, era, runtime, origin and
     * reception all count. {@link #values()} keeps the plain scaled features for describing
     * clusters.
     */
    public float[][] clusteringSpace() {
        float[][] out = new float[values.length][];
        double indicator = Math.sqrt(0.5);
        for (int i = 0; i < values.length; i++) {
            float[] row = values[i].clone();
            double genreSquares = 0;
            for (int j = 0; j < row.length; j++) {
                if (featureNames.get(j).startsWith(GENRE)) {
                    genreSquares += row[j] * row[j];
                }
            }
            double genreScale = genreSquares > 0 ? indicator / Math.sqrt(genreSquares) : 0;
            for (int j = 0; j < row.length; j++) {
                String name = featureNames.get(j);
                if (name.startsWith(GENRE)) {
                    row[j] = (float) (row[j] * genreScale);
                } else if (name.startsWith(LANGUAGE) || name.startsWith(REGION)) {
                    row[j] = (float) (row[j] * indicator);
                }
            }
            out[i] = row;
        }
        return out;
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
