package io.reelfm.core.retrieval;

import java.util.BitSet;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

/**
 * Cosine similarity between the item vectors of an {@link ItemMatrix}: "similar movies" and the
 * "because you rated" explanations. It keeps only each vector's norm and reads the vectors from
 * the matrix itself, so similarity costs no second copy of the catalogue. Immutable.
 */
public final class ItemSimilarity {

    private final ItemMatrix matrix;
    private final float[] norms;

    public ItemSimilarity(ItemMatrix matrix) {
        this.matrix = matrix;
        this.norms = norms(matrix);
    }

    /** Cosine similarity of two items' vectors; 0 when either vector is zero. */
    public float cosine(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        float[] x = matrix.vector(a);
        float[] y = matrix.vector(b);
        float dot = 0;
        for (int f = 0; f < x.length; f++) {
            dot += x[f] * y[f];
        }
        return dot / (norms[a] * norms[b]);
    }

    /**
     * For each of {@code rows}, the entry of {@code among} whose vector is closest to it by
     * cosine, or -1 when none has a non-zero vector. Each vector is read and normalised once, so
     * explaining a top-10 list against hundreds of rated items stays a few thousand multiply-adds.
     */
    public int[] closestOf(int[] rows, int[] among) {
        int k = matrix.k();
        float[] unit = new float[among.length * k];
        for (int j = 0; j < among.length; j++) {
            normalised(among[j], unit, j * k);
        }
        float[] query = new float[k];
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = normalised(rows[r], query, 0) ? closest(query, among, unit) : -1;
        }
        return out;
    }

    private int closest(float[] query, int[] among, float[] unit) {
        int k = query.length;
        int best = -1;
        float bestDot = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < among.length; j++) {
            if (norms[among[j]] == 0) {
                continue;
            }
            float dot = 0;
            int base = j * k;
            for (int f = 0; f < k; f++) {
                dot += query[f] * unit[base + f];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = among[j];
            }
        }
        return best;
    }

    private boolean normalised(int row, float[] out, int offset) {
        float norm = norms[row];
        if (norm == 0) {
            return false;
        }
        matrix.copyVector(row, out, offset);
        for (int f = offset, end = offset + matrix.k(); f < end; f++) {
            out[f] /= norm;
        }
        return true;
    }

    /**
     * The {@code n} items closest to {@code row} by cosine, excluding the item itself: one pass
     * over the matrix, each dot product divided by the item's norm.
     */
    public ScoredItems mostSimilar(int row, int n) {
        float[] scores = new float[matrix.items()];
        BitSet excluded = new BitSet(matrix.items());
        excluded.set(row);
        if (norms[row] > 0) {
            matrix.scoreAll(matrix.vector(row), 0f, scores);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = norms[i] > 0 ? (scores[i] - matrix.bias(i)) / (norms[i] * norms[row]) : 0;
            }
        }
        return TopK.select(scores, n, excluded);
    }

    private static float[] norms(ItemMatrix m) {
        float[] out = new float[m.items()];
        for (int i = 0; i < out.length; i++) {
            double sq = 0;
            for (float v : m.vector(i)) {
                sq += (double) v * v;
            }
            out[i] = (float) Math.sqrt(sq);
        }
        return out;
    }
}
