package io.reelfm.core.fm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the {@link RowBlocks} of one feature group in a single pass over the rows. Kept apart
 * from the blocks themselves because it is only needed once, while they are built, and because
 * it must give up (return null) as soon as two rows of one key disagree.
 */
final class RowBlockScan {

    private final FmData data;
    private final int[] groupOf;
    private final int g;
    private final int kg;
    private final Map<Integer, Integer> blockOfKey = new HashMap<>();
    private int[] ptr = new int[16];
    private int[] cols = new int[1024];
    private float[] vals = new float[1024];
    private int nnz;

    RowBlockScan(FmData data, int[] groupOf, int group, int keyGroup) {
        this.data = data;
        this.groupOf = groupOf;
        this.g = group;
        this.kg = keyGroup;
    }

    /** The blocks, or null when the group is absent or some rows of one key disagree on it. */
    RowBlocks scan() {
        int n = data.rows();
        int[] blockOfRow = new int[n];
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
                append(b, start, end, count);
            } else if (!matches(b, start, end, count)) {
                return null;
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

    /** Stores the group's features of the row at {@code [start, end)} as new block b. */
    private void append(int b, int start, int end, int count) {
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
    }

    /** Whether the group's features of the row at {@code [start, end)} are exactly block b's. */
    private boolean matches(int b, int start, int end, int count) {
        int at = ptr[b];
        if (ptr[b + 1] - at != count) {
            return false;
        }
        for (int pos = start; pos < end; pos++) {
            int j = data.col(pos);
            if (j < groupOf.length && groupOf[j] == g) {
                if (cols[at] != j || vals[at] != data.val(pos)) {
                    return false;
                }
                at++;
            }
        }
        return true;
    }
}
