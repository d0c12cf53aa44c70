package io.reelfm.core.fm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a {@link CoordinateLearner} walks the training data: the groups kept as {@link RowBlocks},
 * which features they hold, and the column-major index of every other feature. Decided once per
 * learner, apart from the passes that use it.
 */
final class LearnerLayout {

    final RowBlocks[] blocks;
    final boolean[] blocked;
    final FmData.Columns cols;

    private LearnerLayout(RowBlocks[] blocks, boolean[] blocked, FmData.Columns cols) {
        this.blocks = blocks;
        this.blocked = blocked;
        this.cols = cols;
    }

    /**
     * With {@code groupOf}, the IMPLICIT group (keyed by the row's user) and the RATERS group
     * (keyed by the row's item) become blocks when they qualify; without, every feature is row-wise.
     */
    static LearnerLayout of(FmData data, int n, int[] groupOf) {
        List<RowBlocks> found = new ArrayList<>();
        boolean[] blocked = new boolean[n];
        if (groupOf != null) {
            RowBlocks implicit = RowBlocks.detect(data, groupOf, FeatureGroup.IMPLICIT, FeatureGroup.USER);
            RowBlocks raters = RowBlocks.detect(data, groupOf, FeatureGroup.RATERS, FeatureGroup.ITEM);
            for (RowBlocks b : new RowBlocks[] {implicit, raters}) {
                if (b != null) {
                    found.add(b);
                    for (int j : b.features()) {
                        blocked[j] = true;
                    }
                }
            }
        }
        RowBlocks[] blocks = found.toArray(RowBlocks[]::new);
        FmData.Columns cols = blocks.length == 0 ? data.columns(n) : rowWiseColumns(data, n, blocked);
        return new LearnerLayout(blocks, blocked, cols);
    }

    private static FmData.Columns rowWiseColumns(FmData data, int n, boolean[] skip) {
        int[] colPtr = new int[n + 1];
        for (int pos = 0; pos < data.nnz(); pos++) {
            int c = data.col(pos);
            if (!skip[c]) {
                colPtr[c + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] fill = Arrays.copyOf(colPtr, n);
        int[] rowsOut = new int[colPtr[n]];
        float[] valsOut = new float[colPtr[n]];
        for (int i = 0; i < data.rows(); i++) {
            for (int pos = data.rowStart(i); pos < data.rowEnd(i); pos++) {
                int c = data.col(pos);
                if (!skip[c]) {
                    int at = fill[c]++;
                    rowsOut[at] = i;
                    valsOut[at] = data.val(pos);
                }
            }
        }
        return new FmData.Columns(colPtr, rowsOut, valsOut);
    }
}
