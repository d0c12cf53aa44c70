package io.reelfm.core.fm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * libFM's block structure (Rendle 2013, "Scaling factorization machines to relational data") for
 * one feature group whose features are the same in every row that shares a key: the IMPLICIT
 * items of a user appear, with the same values, in all of that user's rows, and an item's RATERS
 * in all of that item's rows. Expanded, such a group costs |N(u)| non-zeros in every row (about
 * 170 per MovieLens rating); here it is stored once per block and every coordinate update runs
 * over the blocks that hold the feature instead of over their rows.
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
final class RowBlocks {

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

    private final Map<Integer, Integer> blockOfKey;
    private final int group;
    private final int keyGroup;

    private RowBlocks(int rows, int[] blockOfRow, int blocks, int[] blockPtr, int[] blockCols, float[] blockVals,
                      Map<Integer, Integer> blockOfKey, int group, int keyGroup) {
        this.blockOfKey = blockOfKey;
        this.group = group;
        this.keyGroup = keyGroup;
        this.rows = rows;
        this.blockOfRow = blockOfRow;
        this.blocks = blocks;
        this.blockPtr = blockPtr;
        this.blockCols = blockCols;
        this.blockVals = blockVals;
        this.rowCount = new int[blocks];
        for (int b : blockOfRow) {
            rowCount[b]++;
        }
        int[] distinct = Arrays.stream(blockCols).distinct().sorted().toArray();
        this.features = distinct;
        Map<Integer, Integer> at = new HashMap<>();
        for (int i = 0; i < distinct.length; i++) {
            at.put(distinct[i], i);
        }
        featurePtr = new int[distinct.length + 1];
        for (int c : blockCols) {
            featurePtr[at.get(c) + 1]++;
        }
        for (int i = 0; i < distinct.length; i++) {
            featurePtr[i + 1] += featurePtr[i];
        }
        int[] fill = Arrays.copyOf(featurePtr, distinct.length);
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

    /**
     * The blocks of {@code group} keyed by the row's single {@code keyGroup} feature, or null when
     * the group is absent or some rows of one key disagree on it (then it stays expanded).
     */
    static RowBlocks detect(FmData data, int[] groupOf, FeatureGroup group, FeatureGroup keyGroup) {
        int g = group.ordinal();
        int kg = keyGroup.ordinal();
        int n = data.rows();
        int[] blockOfRow = new int[n];
        Map<Integer, Integer> blockOfKey = new HashMap<>();
        int[] ptr = new int[16];
        int[] cols = new int[1024];
        float[] vals = new float[1024];
        int nnz = 0;
        boolean any = false;
        for (int r = 0; r < n; r++) {
            int key = -1;
            int start = data.rowStart(r);
            int end = data.rowEnd(r);
            int count = 0;
            for (int pos = start; pos < end; pos++) {
                int j = data.col(pos);
                int gj = j < groupOf.length ? groupOf[j] : -1;
                if (gj == kg) {
                    if (key >= 0) {
                        return null;
                    }
                    key = j;
                } else if (gj == g) {
                    count++;
                }
            }
            any |= count > 0;
            if (key < 0) {
                if (count > 0) {
                    return null;
                }
                key = -1 - r;
            }
            Integer b = blockOfKey.get(key);
            if (b == null) {
                b = blockOfKey.size();
                blockOfKey.put(key, b);
                if (b + 2 > ptr.length) {
                    ptr = Arrays.copyOf(ptr, ptr.length * 2);
                }
                while (nnz + count > cols.length) {
                    cols = Arrays.copyOf(cols, cols.length * 2);
                    vals = Arrays.copyOf(vals, vals.length * 2);
                }
                for (int pos = start; pos < end; pos++) {
                    int j = data.col(pos);
                    if (j < groupOf.length && groupOf[j] == g) {
                        cols[nnz] = j;
                        vals[nnz++] = data.val(pos);
                    }
                }
                ptr[b + 1] = nnz;
            } else {
                int at = ptr[b];
                if (ptr[b + 1] - at != count) {
                    return null;
                }
                for (int pos = start; pos < end; pos++) {
                    int j = data.col(pos);
                    if (j < groupOf.length && groupOf[j] == g) {
                        if (cols[at] != j || vals[at] != data.val(pos)) {
                            return null;
                        }
                        at++;
                    }
                }
            }
            blockOfRow[r] = b;
        }
        if (!any) {
            return null;
        }
        int blocks = blockOfKey.size();
        return new RowBlocks(n, blockOfRow, blocks, Arrays.copyOf(ptr, blocks + 1), Arrays.copyOf(cols, nnz),
                Arrays.copyOf(vals, nnz), blockOfKey, g, kg);
    }

    /** Whether feature j belongs to this block group. */
    boolean holds(int j) {
        return Arrays.binarySearch(features, j) >= 0;
    }

    /** The features this group holds (they are left out of the row-wise columns). */
    int[] features() {
        return features.clone();
    }

    /**
     * The block that row {@code r} of other data (e.g. test rows) belongs to: the block of its
     * key when its features of this group are exactly that block's, else -1.
     */
    int blockOf(FmData other, int r, int[] groupOf) {
        int key = -1;
        for (int pos = other.rowStart(r); pos < other.rowEnd(r); pos++) {
            int j = other.col(pos);
            if (j < groupOf.length && groupOf[j] == keyGroup) {
                key = j;
            }
        }
        Integer b = key < 0 ? null : blockOfKey.get(key);
        if (b == null) {
            return -1;
        }
        int at = blockPtr[b];
        for (int pos = other.rowStart(r); pos < other.rowEnd(r); pos++) {
            int j = other.col(pos);
            if (j < groupOf.length && groupOf[j] == group) {
                if (at == blockPtr[b + 1] || blockCols[at] != j || blockVals[at] != other.val(pos)) {
                    return -1;
                }
                at++;
            }
        }
        return at == blockPtr[b + 1] ? b : -1;
    }

    int block(int row) {
        return blockOfRow[row];
    }

    /** Per block: {@code [lin, sq]} and {@code qOut[f * blocks + b]}, from the current parameters. */
    void sums(FmParams p, double[] lin, double[] sq, double[] qOut) {
        int k = p.k;
        Arrays.fill(lin, 0);
        Arrays.fill(sq, 0);
        Arrays.fill(qOut, 0);
        for (int b = 0; b < blocks; b++) {
            for (int pos = blockPtr[b]; pos < blockPtr[b + 1]; pos++) {
                int j = blockCols[pos];
                double x = blockVals[pos];
                lin[b] += p.w[j] * x;
                for (int f = 0; f < k; f++) {
                    double vx = p.v[j * k + f] * x;
                    qOut[f * blocks + b] += vx;
                    sq[b] += vx * vx;
                }
            }
        }
    }

    int blocks() {
        return blocks;
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
            double next = CoordinateLearner.drawPosterior(theta, hh, he, alpha, mu[g], lambda[g], rnd);
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
            double next = CoordinateLearner.drawPosterior(theta, hh, he, alpha, mu[g], lambda[g], rnd);
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
