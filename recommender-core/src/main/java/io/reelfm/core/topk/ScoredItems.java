package io.reelfm.core.topk;

/**
 * A best-first list of (index, score) pairs on primitive arrays, so callers ranking whole
 * catalogues never box. Position 0 is the best; the arrays have equal length.
 */
public record ScoredItems(int[] indices, float[] scores) {

    public ScoredItems {
        if (indices.length != scores.length) {
            throw new IllegalArgumentException("indices and scores differ in length: "
                    + indices.length + " vs " + scores.length);
        }
    }

    public int size() {
        return indices.length;
    }

    public int index(int rank) {
        return indices[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }
}
