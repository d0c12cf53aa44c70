package io.reelfm.core.topk;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Exact top-K selection over scores, used by retrieval, item kNN and ranking metrics.
 *
 * <p>A catalogue scan produces one score per item and only the best K are wanted, so a full
 * sort ({@code O(n log n)} and a boxed comparator) is wasteful: this keeps a bounded min-heap on
 * two primitive arrays ({@code O(n log K)}, no allocation per offer). The order is total and
 * deterministic: higher score first, equal scores broken by the lower index, so two runs (or two
 * replicas) return the same list. NaN scores are never selected.
 *
 * <p>Streaming use: {@code new TopK(k)}, {@link #offer} each candidate, then {@link #result()}.
 * An instance is not thread-safe; {@link #reset()} lets a caller reuse one per thread.
 */
public final class TopK {

    private final int k;
    private final int[] heapIndex;
    private final float[] heapScore;
    private int size;

    /** @param k how many to keep; must be at least 1 */
    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
        this.heapIndex = new int[k];
        this.heapScore = new float[k];
    }

    /** Selects the top k of {@code scores} with no exclusions. */
    public static ScoredItems select(float[] scores, int k) {
        return select(scores, k, (BitSet) null);
    }

    /** Selects the top k of {@code scores}, skipping every index set in {@code excluded} (may be null). */
    public static ScoredItems select(float[] scores, int k, BitSet excluded) {
        TopK top = new TopK(Math.max(1, Math.min(k, Math.max(1, scores.length))));
        // Every SAMPLE_STRIDE-th score first, then the rest: the result does not depend on the order
        // (the order is total), but the heap's threshold rises on the sample, so later scores are
        // mostly rejected by one comparison. In index order a catalogue whose scores climb with the
        // index (ids given in order of popularity) made nearly every item an insertion.
        int n = scores.length;
        for (int i = 0; i < n; i += SAMPLE_STRIDE) {
            offerUnlessExcluded(top, i, scores[i], excluded);
        }
        for (int start = 0; start < n; start += SAMPLE_STRIDE) {
            int end = Math.min(n, start + SAMPLE_STRIDE);
            for (int i = start + 1; i < end; i++) {
                offerUnlessExcluded(top, i, scores[i], excluded);
            }
        }
        return top.result();
    }

    /** The stride of the first pass of {@link #select(float[], int, BitSet)}. */
    private static final int SAMPLE_STRIDE = 16;

    private static void offerUnlessExcluded(TopK top, int index, float score, BitSet excluded) {
        if (excluded == null || !excluded.get(index)) {
            top.offer(index, score);
        }
    }

    /**
     * Selects the top k of {@code scores}, skipping the indices in {@code sortedExcluded}, which
     * must be sorted ascending (duplicates allowed); walked in step with the scan, no lookup per item.
     */
    public static ScoredItems select(float[] scores, int k, int[] sortedExcluded) {
        if (sortedExcluded == null || sortedExcluded.length == 0) {
            return select(scores, k);
        }
        for (int j = 1; j < sortedExcluded.length; j++) {
            if (sortedExcluded[j] < sortedExcluded[j - 1]) {
                throw new IllegalArgumentException("sortedExcluded must be sorted ascending; position " + j
                        + " holds " + sortedExcluded[j] + " after " + sortedExcluded[j - 1]);
            }
        }
        TopK top = new TopK(Math.max(1, Math.min(k, Math.max(1, scores.length))));
        int e = 0;
        for (int i = 0; i < scores.length; i++) {
            while (e < sortedExcluded.length && sortedExcluded[e] < i) {
                e++;
            }
            if (e < sortedExcluded.length && sortedExcluded[e] == i) {
                continue;
            }
            top.offer(i, scores[i]);
        }
        return top.result();
    }

    /** Offers one candidate; kept only if it beats the current worst of a full heap. */
    public void offer(int index, float score) {
        if (Float.isNaN(score)) {
            return;
        }
        if (size < k) {
            heapIndex[size] = index;
            heapScore[size] = score;
            siftUp(size++);
        } else if (worse(heapScore[0], heapIndex[0], score, index)) {
            heapIndex[0] = index;
            heapScore[0] = score;
            siftDown(0);
        }
    }

    /** The score a new candidate must beat to enter a full heap; -infinity while not full. */
    public float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : heapScore[0];
    }

    /** How many candidates are held (at most k). */
    public int size() {
        return size;
    }

    /** Empties the heap so the instance can be reused. */
    public void reset() {
        size = 0;
    }

    /** The kept candidates, best first; the heap itself is left unchanged. */
    public ScoredItems result() {
        int[] savedIndex = Arrays.copyOf(heapIndex, size);
        float[] savedScore = Arrays.copyOf(heapScore, size);
        int savedSize = size;
        int[] outIdx = new int[size];
        float[] outScore = new float[size];
        for (int pos = size - 1; pos >= 0; pos--) {
            outIdx[pos] = heapIndex[0];
            outScore[pos] = heapScore[0];
            size--;
            heapIndex[0] = heapIndex[size];
            heapScore[0] = heapScore[size];
            siftDown(0);
        }
        System.arraycopy(savedIndex, 0, heapIndex, 0, savedSize);
        System.arraycopy(savedScore, 0, heapScore, 0, savedSize);
        size = savedSize;
        return new ScoredItems(outIdx, outScore);
    }

    /** True when (sa, ia) ranks below (sb, ib). */
    static boolean worse(float sa, int ia, float sb, int ib) {
        return sa < sb || (sa == sb && ia > ib);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (worse(heapScore[i], heapIndex[i], heapScore[parent], heapIndex[parent])) {
                swap(i, parent);
                i = parent;
            } else {
                return;
            }
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(heapScore[right], heapIndex[right], heapScore[left], heapIndex[left])) {
                worst = right;
            }
            if (worse(heapScore[worst], heapIndex[worst], heapScore[i], heapIndex[i])) {
                swap(i, worst);
                i = worst;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int ti = heapIndex[a];
        heapIndex[a] = heapIndex[b];
        heapIndex[b] = ti;
        float ts = heapScore[a];
        heapScore[a] = heapScore[b];
        heapScore[b] = ts;
    }
}
