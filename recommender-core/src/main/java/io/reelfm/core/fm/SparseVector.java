package io.reelfm.core.fm;

/**
 * One sparse feature vector: parallel column indices and values. Arrays are owned by the vector
 * once constructed; callers must not change them afterwards.
 */
public record SparseVector(int[] indices, float[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs "
                    + values.length);
        }
    }

    public int nnz() {
        return indices.length;
    }

    /** This vector followed by {@code other} (the feature sets are disjoint by construction). */
    public SparseVector concat(SparseVector other) {
        int n = indices.length;
        int[] idx = java.util.Arrays.copyOf(indices, n + other.indices.length);
        float[] val = java.util.Arrays.copyOf(values, n + other.values.length);
        System.arraycopy(other.indices, 0, idx, n, other.indices.length);
        System.arraycopy(other.values, 0, val, n, other.values.length);
        return new SparseVector(idx, val);
    }
}
