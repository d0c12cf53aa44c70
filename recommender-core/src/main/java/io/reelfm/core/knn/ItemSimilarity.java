package io.reelfm.core.knn;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import java.util.BitSet;

/**
 * Single-query "similar movies" in plain Java: one pass of dot products over unit vectors and
 * a bounded heap. No ND4J per request, where its fixed per-op cost would exceed the work
 * (a 1682×64 scan is ~100k multiply-adds). Thread-safe: no state besides the vectors.
 */
public final class ItemSimilarity {

    private final ItemVectors vectors;

    public ItemSimilarity(ItemVectors vectors) {
        this.vectors = vectors;
    }

    /** The k items most cosine-similar to {@code item}, excluding the item itself, best first. */
    public ScoredItems mostSimilar(int item, int k) {
        if (item < 0 || item >= vectors.size()) {
            throw new IllegalArgumentException("item " + item + " outside 0.." + (vectors.size() - 1));
        }
        int d = vectors.dimensions();
        float[] query = new float[d];
        System.arraycopy(vectors.unitRows(), item * d, query, 0, d);
        BitSet self = new BitSet();
        self.set(item);
        return scan(query, k, self);
    }

    /** The k items most cosine-similar to an arbitrary vector, skipping {@code excluded} (may be null). */
    public ScoredItems mostSimilar(float[] vector, int k, BitSet excluded) {
        if (vector.length != vectors.dimensions()) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, expected " + vectors.dimensions());
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float[] query = vector.clone();
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < query.length; j++) {
                query[j] *= inv;
            }
        }
        return scan(query, k, excluded);
    }

    private ScoredItems scan(float[] query, int k, BitSet excluded) {
        float[] unit = vectors.unitRows();
        int d = vectors.dimensions();
        TopK top = new TopK(Math.max(1, Math.min(k, vectors.size())));
        for (int i = 0; i < vectors.size(); i++) {
            if (excluded != null && excluded.get(i)) {
                continue;
            }
            float s = 0;
            int base = i * d;
            for (int j = 0; j < d; j++) {
                s += query[j] * unit[base + j];
            }
            top.offer(i, s);
        }
        return top.result();
    }
}
