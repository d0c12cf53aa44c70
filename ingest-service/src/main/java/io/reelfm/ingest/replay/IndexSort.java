package io.reelfm.ingest.replay;

/**
 * Stable sort of row indices by a primitive {@code long} key. Replays of tens of millions of
 * ratings sort on primitive arrays (one {@code int} per row plus one scratch buffer) rather than
 * boxing each row; stability keeps rows with equal timestamps in file order, so two replays of
 * the same data set publish the same sequence.
 */
final class IndexSort {

    private static final int INSERTION_THRESHOLD = 32;

    private IndexSort() {
    }

    /** @return the indices {@code 0..keys.length-1} ordered by ascending key, ties in index order */
    static int[] sortedIndices(long[] keys, int size) {
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        if (size < 2) {
            return index;
        }
        int[] scratch = new int[size];
        for (int from = 0; from < size; from += INSERTION_THRESHOLD) {
            insertionSort(index, keys, from, Math.min(from + INSERTION_THRESHOLD, size));
        }
        int[] src = index;
        int[] dst = scratch;
        for (int width = INSERTION_THRESHOLD; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                merge(src, dst, keys, lo, mid, hi);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }

    private static void insertionSort(int[] a, long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            long k = keys[v];
            int j = i - 1;
            while (j >= from && keys[a[j]] > k) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void merge(int[] src, int[] dst, long[] keys, int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        int o = lo;
        if (mid >= hi || keys[src[mid - 1]] <= keys[src[mid]]) {
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        while (i < mid && j < hi) {
            dst[o++] = keys[src[j]] < keys[src[i]] ? src[j++] : src[i++];
        }
        while (i < mid) {
            dst[o++] = src[i++];
        }
        while (j < hi) {
            dst[o++] = src[j++];
        }
    }
}
