package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * The per-parameter closed-form updates shared by ALS and MCMC (Rendle 2012, "Factorization
 * Machines with libFM", sections 4.2-4.3). The FM output is linear in every single parameter
 * {@code theta}: {@code y(x) = g(x) + theta * h(x)} with
 * <ul>
 *   <li>{@code h = 1} for w0, {@code h = x_j} for w_j,</li>
 *   <li>{@code h = x_j * (q_f(x) - v_jf * x_j)} for v_jf, where {@code q_f(x) = sum_l v_lf x_l}.</li>
 * </ul>
 * With residuals {@code e = y - y(x)}, a Gaussian likelihood of precision {@code alpha} and a
 * prior {@code N(mu, 1/lambda)}, the conditional posterior of theta is Gaussian with precision
 * {@code P = alpha * sum h^2 + lambda} and mean {@code (alpha * sum h (theta h + e) + lambda mu) / P}.
 * ALS sets theta to the mean (alpha = 1, mu = 0, lambda = the config's regularisation); MCMC
 * draws it. Residuals e and the per-row sums q are updated in place after each change, so a full
 * sweep costs O(k * nnz).
 */
final class CoordinateLearner {

    private final FmData data;
    private final FmData.Columns cols;
    private final RowBlocks[] blocks;
    private final boolean[] blocked;
    private final FmParams p;
    private final int rows;
    final double[] e;
    private final double[] q;
    final float[] targets;

    CoordinateLearner(FmData data, FmParams p) {
        this(data, p, null);
    }

    /**
     * With {@code groupOf}, the IMPLICIT group (keyed by the row's user) and the RATERS group
     * (keyed by the row's item) are kept as {@link RowBlocks} instead of row by row.
     */
    CoordinateLearner(FmData data, FmParams p, int[] groupOf) {
        this.data = data;
        this.p = p;
        this.rows = data.rows();
        LearnerLayout layout = LearnerLayout.of(data, p.n, groupOf);
        this.blocked = layout.blocked;
        this.blocks = layout.blocks;
        this.cols = layout.cols;
        this.e = new double[rows];
        if ((long) rows * p.k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rows * k = " + ((long) rows * p.k)
                    + " exceeds one array; train on fewer rows or factors");
        }
        this.q = new double[rows * p.k];
        this.targets = new float[rows];
        for (int i = 0; i < rows; i++) {
            targets[i] = data.target(i);
        }
    }

    RowBlocks[] blocks() {
        return blocks.clone();
    }

    boolean blocked(int j) {
        return j < blocked.length && blocked[j];
    }

    /** Whether feature j occurs in any training row (row-wise or in a block). */
    boolean hasData(int j) {
        return blocked[j] || cols.colPtr()[j + 1] > cols.colPtr()[j];
    }

    /** Recomputes residuals and q from scratch (no drift from incremental updates). */
    void refresh() {
        int k = p.k;
        java.util.Arrays.fill(q, 0);
        double[] pred = new double[rows];
        double[][] blockLin = new double[blocks.length][];
        double[][] blockSq = new double[blocks.length][];
        double[][] blockQ = new double[blocks.length][];
        for (int g = 0; g < blocks.length; g++) {
            int nb = blocks[g].blocks();
            blockLin[g] = new double[nb];
            blockSq[g] = new double[nb];
            blockQ[g] = new double[nb * k];
            blocks[g].sums(p, blockLin[g], blockSq[g], blockQ[g]);
        }
        for (int i = 0; i < rows; i++) {
            double s = p.w0;
            double sq = 0;
            for (int g = 0; g < blocks.length; g++) {
                int b = blocks[g].block(i);
                int nb = blocks[g].blocks();
                s += blockLin[g][b];
                sq += blockSq[g][b];
                for (int f = 0; f < k; f++) {
                    q[f * rows + i] += blockQ[g][f * nb + b];
                }
            }
            for (int pos = data.rowStart(i); pos < data.rowEnd(i); pos++) {
                int j = data.col(pos);
                if (blocked[j]) {
                    continue;
                }
                double x = data.val(pos);
                s += p.w[j] * x;
                int base = j * k;
                for (int f = 0; f < k; f++) {
                    double vx = p.v[base + f] * x;
                    q[f * rows + i] += vx;
                    sq += vx * vx;
                }
            }
            double pair = 0;
            for (int f = 0; f < k; f++) {
                double qf = q[f * rows + i];
                pair += qf * qf;
            }
            pred[i] = s + 0.5 * (pair - sq);
            e[i] = targets[i] - pred[i];
        }
    }

    double sumSquaredResiduals() {
        double s = 0;
        for (double r : e) {
            s += r * r;
        }
        return s;
    }

    /** Updates w0 under precision {@code lambda0} around 0; {@code rnd} null = posterior mean. */
    void updateBias(double alpha, double lambda0, SplittableRandom rnd) {
        double sumE = 0;
        for (double r : e) {
            sumE += r;
        }
        double prec = alpha * rows + lambda0;
        double mean = (alpha * (p.w0 * rows + sumE)) / prec;
        double next = GaussianConditional.draw(mean, prec, rnd);
        double d = next - p.w0;
        for (int i = 0; i < rows; i++) {
            e[i] -= d;
        }
        p.w0 = next;
    }

    /** One pass over all linear weights with per-group prior (mu[g], lambda[g]). */
    void updateWeights(double alpha, int[] groupOf, double[] mu, double[] lambda, SplittableRandom rnd) {
        int[] colPtr = cols.colPtr();
        int[] rws = cols.rows();
        float[] vals = cols.vals();
        for (int j = 0; j < p.n; j++) {
            int a = colPtr[j];
            int b = colPtr[j + 1];
            if (a == b) {
                continue;
            }
            double theta = p.w[j];
            double hh = 0;
            double he = 0;
            for (int pos = a; pos < b; pos++) {
                double h = vals[pos];
                hh += h * h;
                he += h * e[rws[pos]];
            }
            int g = groupOf[j];
            double next = GaussianConditional.drawPosterior(theta, hh, he, alpha, mu[g], lambda[g], rnd);
            double d = next - theta;
            if (d != 0) {
                for (int pos = a; pos < b; pos++) {
                    e[rws[pos]] -= d * vals[pos];
                }
            }
            p.w[j] = next;
        }
        for (RowBlocks b : blocks) {
            b.updateWeights(p, alpha, groupOf, mu, lambda, rnd, e);
        }
    }

    /** One pass over factor f of all features with per-group prior (mu[g], lambda[g]) for that f. */
    void updateFactor(int f, double alpha, int[] groupOf, double[] mu, double[] lambda, SplittableRandom rnd,
                      double[] hScratch) {
        int k = p.k;
        int[] colPtr = cols.colPtr();
        int[] rws = cols.rows();
        float[] vals = cols.vals();
        int qOff = f * rows;
        for (int j = 0; j < p.n; j++) {
            int a = colPtr[j];
            int b = colPtr[j + 1];
            if (a == b) {
                continue;
            }
            double theta = p.v[j * k + f];
            double hh = 0;
            double he = 0;
            for (int pos = a; pos < b; pos++) {
                double x = vals[pos];
                int i = rws[pos];
                double h = x * (q[qOff + i] - theta * x);
                hScratch[pos - a] = h;
                hh += h * h;
                he += h * e[i];
            }
            int g = groupOf[j];
            double next = GaussianConditional.drawPosterior(theta, hh, he, alpha, mu[g], lambda[g], rnd);
            double d = next - theta;
            if (d != 0) {
                for (int pos = a; pos < b; pos++) {
                    int i = rws[pos];
                    e[i] -= d * hScratch[pos - a];
                    q[qOff + i] += d * vals[pos];
                }
            }
            p.v[j * k + f] = next;
        }
        for (RowBlocks b : blocks) {
            b.updateFactor(f, p, alpha, groupOf, mu, lambda, rnd, e, q);
        }
    }

    int maxColumn() {
        int m = 0;
        int[] colPtr = cols.colPtr();
        for (int j = 0; j < p.n; j++) {
            m = Math.max(m, colPtr[j + 1] - colPtr[j]);
        }
        return m;
    }
}
