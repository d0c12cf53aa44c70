package io.reelfm.core.retrieval;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

import java.util.BitSet;

/**
 * Exact top-K by the textbook loop: one row-major dot product per item in double precision, then
 * a heap. The reference that {@link ItemMatrix} is tested against, and the baseline in the
 * retrieval benchmark.
 */
public final class BruteForceTopK {

    private BruteForceTopK() {
    }

    public static float[] scoreAll(float[] rowMajor, float[] bias, int k, float[] query, float constant) {
        float[] out = new float[bias.length];
        for (int i = 0; i < bias.length; i++) {
            double s = constant + bias[i];
            int base = i * k;
            for (int f = 0; f < k; f++) {
                s += (double) rowMajor[base + f] * query[f];
            }
            out[i] = (float) s;
        }
        return out;
    }

    public static ScoredItems topK(float[] rowMajor, float[] bias, int k, float[] query, float constant, int n,
                                   BitSet excluded) {
        return TopK.select(scoreAll(rowMajor, bias, k, query, constant), n, excluded);
    }
}
