package io.reelfm.datasets.compact;

import java.util.Arrays;

/**
 * An int→int map in sorted primitive arrays (about 12 bytes per entry while building, 8 after),
 * for lookup tables such as MovieLens movie id → IMDb number. Build with {@link #put}, then
 * {@link #freeze}; when a key was put twice the last value wins, as in a {@code Map}.
 */
public final class IntIntMap {

    public static final int MISSING = Integer.MIN_VALUE;

    private long[] keyAndOrder = new long[1024];
    private int[] inserted = new int[1024];
    private int[] keys;
    private int[] values;
    private int size;

    public void put(int key, int value) {
        if (keys != null) {
            throw new IllegalStateException("map is frozen");
        }
        if (size == inserted.length) {
            keyAndOrder = Arrays.copyOf(keyAndOrder, size * 2);
            inserted = Arrays.copyOf(inserted, size * 2);
        }
        keyAndOrder[size] = ((long) key << 32) | size;
        inserted[size] = value;
        size++;
    }

    public IntIntMap freeze() {
        if (keys == null) {
            long[] sorted = Arrays.copyOf(keyAndOrder, size);
            Arrays.sort(sorted);
            int[] k = new int[size];
            int[] v = new int[size];
            int unique = 0;
            for (long entry : sorted) {
                int key = (int) (entry >> 32);
                int value = inserted[(int) entry];
                if (unique > 0 && k[unique - 1] == key) {
                    v[unique - 1] = value;
                } else {
                    k[unique] = key;
                    v[unique] = value;
                    unique++;
                }
            }
            keys = Arrays.copyOf(k, unique);
            values = Arrays.copyOf(v, unique);
            size = unique;
            keyAndOrder = null;
            inserted = null;
        }
        return this;
    }

    /** @return the value, or {@link #MISSING} */
    public int get(int key) {
        if (keys == null) {
            throw new IllegalStateException("call freeze() before lookups");
        }
        int at = Arrays.binarySearch(keys, key);
        return at >= 0 ? values[at] : MISSING;
    }

    /** @return the dense index 0..size-1 of the key, or -1 when absent, for parallel arrays */
    public int indexOf(int key) {
        if (keys == null) {
            throw new IllegalStateException("call freeze() before lookups");
        }
        int at = Arrays.binarySearch(keys, key);
        return at >= 0 ? at : -1;
    }

    /** The value at a dense index from {@link #indexOf}. */
    public int valueAt(int index) {
        return values[index];
    }

    public int size() {
        return size;
    }
}
