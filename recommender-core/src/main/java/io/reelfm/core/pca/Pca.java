package io.reelfm.core.pca;

import io.reelfm.core.cluster.FloatRows;

/**
 * Principal component analysis by eigen-decomposition of the sample covariance. Keeps the
 * fewest components whose cumulative explained variance reaches the requested fraction, the
 * way the original notebooks reduced content features before k-means (fewer, decorrelated
 * dimensions make Euclidean distances meaningful).
 */
public final class Pca {

    private Pca() {
    }

    /**
     * @param varianceToKeep in (0, 1]: e.g. 0.9 keeps components until 90% of the variance is explained
     */
    public static PcaModel fit(float[][] rows, double varianceToKeep) {
        if (!(varianceToKeep > 0 && varianceToKeep <= 1)) {
            throw new IllegalArgumentException("varianceToKeep must be in (0, 1], got " + varianceToKeep);
        }
        float[] x = FloatRows.flatten(rows, "rows");
        int n = rows.length;
        int d = rows[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("rows needs at least 2 rows for a covariance, got " + n);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[j] = x[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                if (ca == 0) {
                    continue;
                }
                for (int b = a; b < d; b++) {
                    cov[a][b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        SymmetricEigen eigen = new SymmetricEigen(cov);
        double total = 0;
        double[] variance = new double[d];
        for (int i = 0; i < d; i++) {
            variance[i] = Math.max(0, eigen.values[i]);
            total += variance[i];
        }
        double[] ratio = new double[d];
        int keep = d;
        double cumulative = 0;
        for (int i = 0; i < d; i++) {
            ratio[i] = total == 0 ? 0 : variance[i] / total;
            cumulative += ratio[i];
            if (keep == d && cumulative >= varianceToKeep - 1e-12) {
                keep = i + 1;
            }
        }
        double[][] components = new double[keep][];
        for (int i = 0; i < keep; i++) {
            components[i] = eigen.vectors[i].clone();
            fixSign(components[i]);
        }
        return new PcaModel(mean, components, variance, ratio);
    }

    /** Makes the largest-magnitude entry positive so components are reproducible across runs. */
    private static void fixSign(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[arg])) {
                arg = i;
            }
        }
        if (v[arg] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }
}
