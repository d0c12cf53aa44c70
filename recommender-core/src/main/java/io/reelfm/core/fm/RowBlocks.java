package io.reelfm.core.fm;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * libFM's block structure (Rendle 2013, "Scaling factorization machines to relational data") for
 * one feature group whose features are the same in every row that shares a key: the IMPLICIT
 * items of a user appear, with the same values, in all of that user's rows, and an item's RATERS
 * in all of that item's rows. Expanded, such a group costs |N(u)| non-zeros in every row (about
 * 170 per MovieLens rating); here it is stored once per block and every coordinate update runs
 * over the blocks that hold the feature instead of over their rows ({@link BlockPasses}).
 *
 * <p>Blocks are found by {@link RowBlockScan}; this class holds them block-major (each block's
 * features) and answers which block a row, of the training data or of other data, takes.
 */
final class RowBlocks {

    private final int[] blockOfRow;
    private final int blocks;
    private final int[] features;
    private final int[] blockPtr;
    private final int[] blockCols;
    private final float[] blockVals;

    private final Map<Integer, Integer> blockOfKey;
    private final int group;
    private final int keyGroup;
    private final BlockPasses passes;

    RowBlocks(int rows, int[] blockOfRow, int blocks, int[] blockPtr, int[] blockCols, float[] blockVals,
              Map<Integer, Integer> blockOfKey, int group, int keyGroup) {
        this.blockOfKey = blockOfKey;
        this.group = group;
        this.keyGroup = keyGroup;
        this.blockOfRow = blockOfRow;
        this.blocks = blocks;
        this.blockPtr = blockPtr;
        this.blockCols = blockCols;
        this.blockVals = blockVals;
        this.features = Arrays.stream(blockCols).distinct().sorted().toArray();
        this.passes = new BlockPasses(rows, blockOfRow, blocks, blockPtr, blockCols, blockVals, features);
    }

    /**
     * The blocks of {@code group} keyed by the row's single {@code keyGroup} feature, or null when
     * the group is absent or some rows of one key disagree on it (then it stays expanded).
     */
    static RowBlocks detect(FmData data, int[] groupOf, FeatureGroup group, FeatureGroup keyGroup) {
        return new RowBlockScan(data, groupOf, group.ordinal(), keyGroup.ordinal()).scan();
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
        passes.updateWeights(p, alpha, groupOf, mu, lambda, rnd, e);
    }

    /**
     * One pass over factor f of the group's features; keeps {@code e} and {@code q} (layout
     * {@code q[f * rows + r]}) current.
     */
    void updateFactor(int f, FmParams p, double alpha, int[] groupOf, double[] mu, double[] lambda,
                      SplittableRandom rnd, double[] e, double[] q) {
        passes.updateFactor(f, p, alpha, groupOf, mu, lambda, rnd, e, q);
    }
}
