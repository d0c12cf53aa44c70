package io.reelfm.core.knn;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact cosine top-K neighbours of every item, for precomputing "similar movies" tables in the
 * trainer. Similarities come from GEMM on blocks of rows (block × n scores at a time), so
 * memory stays bounded at {@code blockSize × n} floats while BLAS does the n²d work.
 */
public final class AllItemNeighbours {

    /** Rows per GEMM block by default: 512 × 100k items ≈ 200 MB of float scores at most. */
    public static final int DEFAULT_BLOCK = 512;

    private AllItemNeighbours() {
    }

    /** Neighbours of every item, self excluded; {@code result[i]} is best first. */
    public static ScoredItems[] compute(ItemVectors vectors, int k, int blockSize) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize);
        }
        int n = vectors.size();
        int d = vectors.dimensions();
        INDArray all = Nd4j.create(vectors.unitRows(), new long[] {n, d}, DataType.FLOAT);
        ScoredItems[] result = new ScoredItems[n];
        TopK top = new TopK(Math.max(1, Math.min(k, n - 1)));
        for (int start = 0; start < n; start += blockSize) {
            int rows = Math.min(blockSize, n - start);
            float[] blockData = new float[rows * d];
            System.arraycopy(vectors.unitRows(), start * d, blockData, 0, rows * d);
            INDArray block = Nd4j.create(blockData, new long[] {rows, d}, DataType.FLOAT);
            float[] scores = Nd4j.gemm(block, all, false, true).dup('c').data().asFloat();
            for (int r = 0; r < rows; r++) {
                int item = start + r;
                top.reset();
                int base = r * n;
                for (int j = 0; j < n; j++) {
                    if (j != item) {
                        top.offer(j, scores[base + j]);
                    }
                }
                result[item] = top.result();
            }
        }
        return result;
    }

    public static ScoredItems[] compute(ItemVectors vectors, int k) {
        return compute(vectors, k, DEFAULT_BLOCK);
    }
}
