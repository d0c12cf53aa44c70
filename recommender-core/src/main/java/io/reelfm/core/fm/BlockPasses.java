package io.reelfm.core.fm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The coordinate passes over one group of {@link RowBlocks}, feature-major: each feature's update
 * walks the blocks that hold it, which is what makes a blocked group cheap. Separate from the
 * block-major {@link RowBlocks} because the two views index the same non-zeros the other way round.
 *
 * <p>For a factor f write {@code q_f(r) = B_b + R_r}: B_b the block's own sum
 * {@code sum_{l in b} v_lf x_l} and R_r the rest of the row. For a block feature j with value x
 * in block b, {@code h_r = x (c_b + R_r)} with {@code c_b = B_b - v_jf x}, so
 * <pre>
 *   sum_r h^2   = sum_b x^2 (n_b c_b^2 + 2 c_b S1_b + S2_b)
 *   sum_r h e_r = sum_b x (c_b E_b + RE_b)
 * </pre>
 * with per-block sums {@code S1 = sum R_r}, {@code S2 = sum R_r^2}, {@code E = sum e_r},
 * {@code RE = sum R_r e_r}. A change d of v_jf moves E_b by {@code -d x (n_b c_b + S1_b)} and
 * RE_b by {@code -d x (c_b S1_b + S2_b)}; the rows' residuals are brought up to date once per
 * pass from the change of B_b. A pass over the group costs O(rows + nnz of the blocks).
 */
final class BlockPasses {

    private final int rows;
    private final int[] blockOfRow;
    private final int blocks;
    private final int[] rowCount;
    private final int[] features;
    private final int[] featurePtr;
    private final int[] featureBlocks;
    private final float[] featureVals;
    private final int[] blockPtr;
    private final int[] blockCols;
    private final float[] blockVals;

    /** {@code features}: the distinct columns of {@code blockCols}, ascending. */
    BlockPasses(int rows, int[] blockOfRow, int blocks, int[] blockPtr, int[] blockCols, float[] blockVals,
                int[] features) {
        this.rows = rows;
        this.blockOfRow = blockOfRow;
        this.blocks = blocks;
        this.blockPtr = blockPtr;
        this.blockCols = blockCols;
        this.blockVals = blockVals;
        this.features = features;
        this.rowCount = new int[blocks];
        for (int b : blockOfRow) {
            rowCount[b]++;
        }
        Map<Integer, Integer> at = new HashMap<>();
        for (int i = 0; i < features.length; i++) {
            at.put(features[i], i);
        }
        featurePtr = new int[features.length + 1];
        for (int c : blockCols) {
            featurePtr[at.get(c) + 1]++;
        }
        for (int i = 0; i < features.length; i++) {
            featurePtr[i + 1] += featurePtr[i];
        }
        int[] fill = Arrays.copyOf(featurePtr, features.length);
        featureBlocks = new int[blockCols.length];
        featureVals = new float[blockCols.length];
        for (int b = 0; b < blocks; b++) {
            for (int pos = blockPtr[b]; pos < blockPtr[b + 1]; pos++) {
                int slot = fill[at.get(blockCols[pos])]++;
                featureBlocks[slot] = b;
                featureVals[slot] = blockVals[pos];
            }
        }
    }

    /** One pass over the group's linear weights; keeps {@code e} current. */
    void updateWeights(FmParams p, double alpha, int[] groupOf, double[] mu, double[] lambda, SplittableRandom rnd,
                       double[] e) {
        double[] sumE = new double[blocks];
        for (int r = 0; r < rows; r++) {
            sumE[blockOfRow[r]] += e[r];
        }
        double[] dLin = new double[blocks];
        for (int i = 0; i < features.length; i++) {
            int j = features[i];
            double hh = 0;
            double he = 0;
            for (int pos = featurePtr[i]; pos < featurePtr[i + 1]; pos++) {
                int b = featureBlocks[pos];
                double x = featureVals[pos];
                hh += x * x * rowCount[b];
                he += x * sumE[b];
            }
            double theta = p.w[j];
            int g = groupOf[j];
            double next = GaussianConditional.drawPosterior(theta, hh, he, alpha, mu[g], lambda[g], rnd);
            double d = next - theta;
            if (d != 0) {
                for (int pos = featurePtr[i]; pos < featurePtr[i + 1]; pos++) {
                    int b = featureBlocks[pos];
                    double dx = d * featureVals[pos];
                    sumE[b] -= dx * rowCount[b];
                    dLin[b] += dx;
                }
            }
            p.w[j] = next;
        }
        for (int r = 0; r < rows; r++) {
            e[r] -= dLin[blockOfRow[r]];
        }
    }

    /**
     * One pass over factor f of the group's features; keeps {@code e} and {@code q} (layout
     * {@code q[f * rows + r]}) current.
     */
    void updateFactor(int f, FmParams p, double alpha, int[] groupOf, double[] mu, double[] lambda,
                      SplittableRandom rnd, double[] e, double[] q) {
        int k = p.k;
        double[] own = new double[blocks];
        double[] ownSq = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            for (int pos = blockPtr[b]; pos < blockPtr[b + 1]; pos++) {
                double vx = p.v[blockCols[pos] * k + f] * blockVals[pos];
                own[b] += vx;
                ownSq[b] += vx * vx;
            }
        }
        double[] s1 = new double[blocks];
        double[] s2 = new double[blocks];
        double[] sumE = new double[blocks];
        double[] sumRe = new double[blocks];
        int qOff = f * rows;
        for (int r = 0; r < rows; r++) {
            int b = blockOfRow[r];
            double rest = q[qOff + r] - own[b];
            s1[b] += rest;
            s2[b] += rest * rest;
            sumE[b] += e[r];
            sumRe[b] += rest * e[r];
        }
        double[] before = own.clone();
        double[] sqBefore = ownSq.clone();
        for (int i = 0; i < features.length; i++) {
            int j = features[i];
            double theta = p.v[j * k + f];
            double hh = 0;
            double he = 0;
            for (int pos = featurePtr[i]; pos < featurePtr[i + 1]; pos++) {
                int b = featureBlocks[pos];
                double x = featureVals[pos];
                double c = own[b] - theta * x;
                hh += x * x * (rowCount[b] * c * c + 2 * c * s1[b] + s2[b]);
                he += x * (c * sumE[b] + sumRe[b]);
            }
            int g = groupOf[j];
            double next = GaussianConditional.drawPosterior(theta, hh, he, alpha, mu[g], lambda[g], rnd);
            double d = next - theta;
            if (d != 0) {
                for (int pos = featurePtr[i]; pos < featurePtr[i + 1]; pos++) {
                    int b = featureBlocks[pos];
                    double x = featureVals[pos];
                    double c = own[b] - theta * x;
                    sumE[b] -= d * x * (rowCount[b] * c + s1[b]);
                    sumRe[b] -= d * x * (c * s1[b] + s2[b]);
                    own[b] += d * x;
                    ownSq[b] += (next * next - theta * theta) * x * x;
                }
            }
            p.v[j * k + f] = next;
        }
        shiftRows(own, before, ownSq, sqBefore, e, q, qOff);
    }

    /** Brings every row's residual and q up to date from the change of its block's own sums. */
    private void shiftRows(double[] own, double[] before, double[] ownSq, double[] sqBefore, double[] e, double[] q,
                           int qOff) {
        double[] shift = new double[blocks];
        double[] constant = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            shift[b] = own[b] - before[b];
            constant[b] = 0.5 * (own[b] * own[b] - before[b] * before[b]) - 0.5 * (ownSq[b] - sqBefore[b]);
        }
        for (int r = 0; r < rows; r++) {
            int b = blockOfRow[r];
            if (shift[b] == 0 && constant[b] == 0) {
                continue;
            }
            double rest = q[qOff + r] - before[b];
            e[r] -= shift[b] * rest + constant[b];
            q[qOff + r] += shift[b];
        }
    }
}
