package io.reelfm.core.rank;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * EASE (Steck 2019, "Embarrassingly shallow autoencoders for sparse data"): an item-item weight
 * matrix in closed form, {@code B = I - P diag(1 / diag P)} with {@code P = (X^T X + lambda I)^-1}
 * and a zero diagonal, so an item never recommends itself. A user's scores are {@code x B}, the
 * sum of the B rows of the items they interacted with: a fold-in that is exact by construction.
 *
 * <p>The inverse is dense and n x n, so EASE is an anchor for catalogues of up to
 * {@link #MAX_ITEMS} items, not a model for millions. The inversion runs in ND4J (LAPACK):
 * a plain Java Gauss-Jordan over 1,682 items took several seconds where ND4J takes a fraction.
 */
public final class Ease {

    /** Largest catalogue accepted: its dense inverse in doubles is 8 n^2 bytes (1.8 GB at 15,000). */
    public static final int MAX_ITEMS = 15_000;

    private final double lambda;

    public Ease(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    public double lambda() {
        return lambda;
    }

    public EaseModel train(Interactions data) {
        int n = data.items();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("EASE keeps a dense " + n + " x " + n + " matrix; at most " + MAX_ITEMS
                    + " items are accepted");
        }
        double[] g = gram(data);
        for (int i = 0; i < n; i++) {
            g[i * n + i] += lambda;
        }
        double[] inv = inverse(g, n);
        float[] b = new float[n * n];
        for (int j = 0; j < n; j++) {
            double d = inv[j * n + j];
            for (int i = 0; i < n; i++) {
                // row j of B holds item j's contribution to every item i: B[j][i] = -P[i][j] / P[j][j]
                b[j * n + i] = i == j ? 0f : (float) (-inv[i * n + j] / d);
            }
        }
        return new EaseModel(data, b, n);
    }

    /**
     * The inverse of a symmetric positive definite matrix: Cholesky {@code G = L L^T} (LAPACK
     * potrf), {@code L^-1} by a triangular solve against the identity (BLAS trsm), then
     * {@code P = L^-T L^-1} (gemm). 0.7 s at n = 1,682 on 2 cores, where ND4J's
     * {@code InvertMatrix} took 570 s and {@code syev} 9 s.
     */
    static double[] inverse(double[] g, int n) {
        INDArray l = Nd4j.create(g, new long[] {n, n}, DataType.DOUBLE).dup('f');
        Nd4j.getBlasWrapper().lapack().potrf(l, true);
        INDArray lInv = Nd4j.eye(n).castTo(DataType.DOUBLE).dup('f');
        // ND4J 1.0.0-M2.1 passes the Diag argument to cblas_dtrsm unconverted, so it must be
        // CBLAS's own enum value (CblasNonUnit = 131); EaseTest checks the inverse.
        Nd4j.getBlasWrapper().level3().trsm('f', 'L', 'L', 'N', CBLAS_NON_UNIT, 1.0, l, lInv);
        INDArray p = lInv.transpose().mmul(lInv);
        return p.dup('c').data().asDouble();
    }

    private static final char CBLAS_NON_UNIT = (char) 131;

    /** X^T X of the binary interaction matrix, dense n x n. */
    static double[] gram(Interactions data) {
        int n = data.items();
        double[] g = new double[n * n];
        for (int u = 0; u < data.users(); u++) {
            int[] items = data.itemsOf(u);
            for (int a = 0; a < items.length; a++) {
                int row = items[a] * n;
                for (int c = 0; c < items.length; c++) {
                    g[row + items[c]] += 1;
                }
            }
        }
        return g;
    }
}
