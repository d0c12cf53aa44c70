package io.reelfm.core.fm;

import java.util.Arrays;

/**
 * A design matrix in compressed sparse rows plus one target per row: the only input the FM
 * learners read. The column view ({@link #columns}) is what ALS and MCMC walk, one parameter at
 * a time; it is built on first use and cached. Immutable once built.
 */
public final class FmData {

    private final int[] rowPtr;
    private final int[] cols;
    private final float[] vals;
    private final float[] targets;
    private volatile Columns columns;

    /** Column-major view: rows and values of each feature. */
    public record Columns(int[] colPtr, int[] rows, float[] vals) {
    }

    public FmData(int[] rowPtr, int[] cols, float[] vals, float[] targets) {
        if (rowPtr.length != targets.length + 1) {
            throw new IllegalArgumentException("rowPtr must have targets.length + 1 entries, got " + rowPtr.length
                    + " for " + targets.length + " targets");
        }
        if (cols.length != vals.length || rowPtr[targets.length] != cols.length) {
            throw new IllegalArgumentException("cols/vals length " + cols.length + "/" + vals.length
                    + " does not match rowPtr end " + rowPtr[targets.length]);
        }
        for (int i = 0; i < targets.length; i++) {
            if (!Float.isFinite(targets[i])) {
                throw new IllegalArgumentException("targets[" + i + "] is not finite: " + targets[i]);
            }
        }
        for (int c : cols) {
            if (c < 0) {
                throw new IllegalArgumentException("negative feature index " + c);
            }
        }
        this.rowPtr = rowPtr;
        this.cols = cols;
        this.vals = vals;
        this.targets = targets;
    }

    /** Builds rows one at a time; grows as needed. */
    public static final class Builder {
        private int[] rowPtr = new int[1025];
        private int[] cols = new int[4096];
        private float[] vals = new float[4096];
        private float[] targets = new float[1024];
        private int rows;
        private int nnz;

        public Builder add(SparseVector x, float target) {
            return add(x.indices(), x.values(), x.nnz(), target);
        }

        public Builder add(int[] idx, float[] val, int n, float target) {
            if (rows == targets.length) {
                targets = Arrays.copyOf(targets, targets.length * 2);
                rowPtr = Arrays.copyOf(rowPtr, targets.length + 1);
            }
            while (nnz + n > cols.length) {
                cols = Arrays.copyOf(cols, cols.length * 2);
                vals = Arrays.copyOf(vals, vals.length * 2);
            }
            System.arraycopy(idx, 0, cols, nnz, n);
            System.arraycopy(val, 0, vals, nnz, n);
            nnz += n;
            targets[rows++] = target;
            rowPtr[rows] = nnz;
            return this;
        }

        public FmData build() {
            return new FmData(Arrays.copyOf(rowPtr, rows + 1), Arrays.copyOf(cols, nnz), Arrays.copyOf(vals, nnz),
                    Arrays.copyOf(targets, rows));
        }
    }

    public int rows() {
        return targets.length;
    }

    public int nnz() {
        return cols.length;
    }

    public float target(int row) {
        return targets[row];
    }

    public int rowStart(int row) {
        return rowPtr[row];
    }

    public int rowEnd(int row) {
        return rowPtr[row + 1];
    }

    public int col(int pos) {
        return cols[pos];
    }

    public float val(int pos) {
        return vals[pos];
    }

    int[] colsArray() {
        return cols;
    }

    float[] valsArray() {
        return vals;
    }

    /** The largest feature index + 1. */
    public int maxFeature() {
        int m = 0;
        for (int c : cols) {
            m = Math.max(m, c + 1);
        }
        return m;
    }

    /** Row {@code row} as a vector (copies). */
    public SparseVector row(int row) {
        return new SparseVector(Arrays.copyOfRange(cols, rowPtr[row], rowPtr[row + 1]),
                Arrays.copyOfRange(vals, rowPtr[row], rowPtr[row + 1]));
    }

    /** The column view over {@code numFeatures} columns (at least {@link #maxFeature()}). */
    public Columns columns(int numFeatures) {
        Columns c = columns;
        if (c != null && c.colPtr.length == numFeatures + 1) {
            return c;
        }
        int[] colPtr = new int[numFeatures + 1];
        for (int col : cols) {
            colPtr[col + 1]++;
        }
        for (int j = 0; j < numFeatures; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] fill = Arrays.copyOf(colPtr, numFeatures);
        int[] rowsOut = new int[cols.length];
        float[] valsOut = new float[cols.length];
        for (int i = 0; i < targets.length; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int at = fill[cols[p]]++;
                rowsOut[at] = i;
                valsOut[at] = vals[p];
            }
        }
        c = new Columns(colPtr, rowsOut, valsOut);
        columns = c;
        return c;
    }

    /** The same design with other targets, e.g. ratings turned into 0/1 "liked" labels. */
    public FmData withTargets(float[] newTargets) {
        return new FmData(rowPtr, cols, vals, newTargets.clone());
    }
}
