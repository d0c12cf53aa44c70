package io.reelfm.core.fm;

/**
 * Raw FM outputs for rows outside the training data (the rows MCMC averages its predictions on)
 * using the training {@link RowBlocks}: a row whose IMPLICIT items or RATERS are exactly those of
 * a training block takes that block's sums once per sample instead of walking its hundreds of
 * expanded non-zeros. Rows that match no block are computed expanded.
 */
final class BlockedPredictor {

    private final FmData rows;
    private final RowBlocks[] blocks;
    private final int[][] blockOfRow;
    private final boolean[][] skip;
    private final double[][] lin;
    private final double[][] sq;
    private final double[][] q;

    BlockedPredictor(CoordinateLearner learner, FmData rows, int[] groupOf, int k) {
        this.rows = rows;
        this.blocks = learner.blocks();
        int n = rows.rows();
        this.blockOfRow = new int[blocks.length][n];
        this.lin = new double[blocks.length][];
        this.sq = new double[blocks.length][];
        this.q = new double[blocks.length][];
        this.skip = new boolean[n][];
        for (int g = 0; g < blocks.length; g++) {
            int nb = blocks[g].blocks();
            lin[g] = new double[nb];
            sq[g] = new double[nb];
            q[g] = new double[nb * k];
            for (int r = 0; r < n; r++) {
                blockOfRow[g][r] = blocks[g].blockOf(rows, r, groupOf);
            }
        }
        for (int r = 0; r < n; r++) {
            boolean[] s = new boolean[rows.rowEnd(r) - rows.rowStart(r)];
            for (int pos = rows.rowStart(r); pos < rows.rowEnd(r); pos++) {
                int j = rows.col(pos);
                s[pos - rows.rowStart(r)] = learner.blocked(j) && covered(r, j, groupOf);
            }
            skip[r] = s;
        }
    }

    /** True when feature j of row r belongs to a group whose block this row takes. */
    private boolean covered(int r, int j, int[] groupOf) {
        for (int g = 0; g < blocks.length; g++) {
            if (blockOfRow[g][r] >= 0 && blocks[g].holds(j)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the raw output of every row for the current parameters into {@code out}. */
    void predict(FmParams p, double[] out) {
        int k = p.k;
        for (int g = 0; g < blocks.length; g++) {
            blocks[g].sums(p, lin[g], sq[g], q[g]);
        }
        double[] acc = new double[k];
        for (int r = 0; r < rows.rows(); r++) {
            double s = p.w0;
            double squares = 0;
            java.util.Arrays.fill(acc, 0);
            for (int g = 0; g < blocks.length; g++) {
                int b = blockOfRow[g][r];
                if (b < 0) {
                    continue;
                }
                int nb = blocks[g].blocks();
                s += lin[g][b];
                squares += sq[g][b];
                for (int f = 0; f < k; f++) {
                    acc[f] += q[g][f * nb + b];
                }
            }
            boolean[] sk = skip[r];
            int start = rows.rowStart(r);
            for (int pos = start; pos < rows.rowEnd(r); pos++) {
                int j = rows.col(pos);
                if (j >= p.n || sk[pos - start]) {
                    continue;
                }
                double x = rows.val(pos);
                s += p.w[j] * x;
                int base = j * k;
                for (int f = 0; f < k; f++) {
                    double vx = p.v[base + f] * x;
                    acc[f] += vx;
                    squares += vx * vx;
                }
            }
            double pair = 0;
            for (int f = 0; f < k; f++) {
                pair += acc[f] * acc[f];
            }
            out[r] = s + 0.5 * (pair - squares);
        }
    }
}
