package io.reelfm.core.pca;

/**
 * A fitted PCA: the mean, the kept principal directions (unit vectors, by descending
 * variance) and the explained variance of every direction, kept or not. {@link
 * #inverseTransform} maps a point of PCA space (e.g. a k-means centroid) back to the original
 * feature names, which is how clusters are described. Immutable.
 */
public final class PcaModel {

    private final double[] mean;
    private final double[][] components;
    private final double[] variance;
    private final double[] ratio;

    PcaModel(double[] mean, double[][] components, double[] variance, double[] ratio) {
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.ratio = ratio;
    }

    /** Number of kept components. */
    public int components() {
        return components.length;
    }

    public int inputDimensions() {
        return mean.length;
    }

    /** Unit direction of component {@code i} in the original feature space. */
    public double[] component(int i) {
        return components[i].clone();
    }

    /** Variance along every principal direction (all of them, descending). */
    public double[] explainedVariance() {
        return variance.clone();
    }

    /** Fraction of total variance per direction (all of them, descending; sums to 1). */
    public double[] explainedVarianceRatio() {
        return ratio.clone();
    }

    /** Fraction of variance explained by the kept components. */
    public double keptVarianceRatio() {
        double sum = 0;
        for (int i = 0; i < components.length; i++) {
            sum += ratio[i];
        }
        return sum;
    }

    public float[] transform(float[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row has " + row.length + " features, expected " + mean.length);
        }
        float[] out = new float[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int j = 0; j < mean.length; j++) {
                s += (row[j] - mean[j]) * components[c][j];
            }
            out[c] = (float) s;
        }
        return out;
    }

    public float[][] transform(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = transform(rows[i]);
        }
        return out;
    }

    public float[] inverseTransform(float[] projected) {
        if (projected.length != components.length) {
            throw new IllegalArgumentException("projected has " + projected.length + " values, expected " + components.length);
        }
        float[] out = new float[mean.length];
        for (int j = 0; j < mean.length; j++) {
            double s = mean[j];
            for (int c = 0; c < components.length; c++) {
                s += projected[c] * components[c][j];
            }
            out[j] = (float) s;
        }
        return out;
    }
}
