package io.reelfm.datasets.compact;

import java.util.Arrays;

/**
 * A set of ints in a sorted array: 4 bytes per member, so a join can remember which of a
 * million ids it kept without a million boxed objects. Build with {@link #add}, then
 * {@link #freeze}; after that, {@link #indexOf} gives each member a dense index 0..size-1 that
 * parallel arrays can use.
 */
public final class IntSet {

    private int[] values = new int[1024];
    private int size;
    private boolean frozen;

    public void add(int value) {
        if (frozen) {
            throw new IllegalStateException("set is frozen");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    /** Sorts and removes duplicates; the set is read-only afterwards. */
    public IntSet freeze() {
        if (!frozen) {
            Arrays.sort(values, 0, size);
            int unique = 0;
            for (int i = 0; i < size; i++) {
                if (unique == 0 || values[unique - 1] != values[i]) {
                    values[unique++] = values[i];
                }
            }
            size = unique;
            values = Arrays.copyOf(values, size);
            frozen = true;
        }
        return this;
    }

    /** @return the dense index of the value, or -1 when absent */
    public int indexOf(int value) {
        requireFrozen();
        int at = Arrays.binarySearch(values, 0, size, value);
        return at >= 0 ? at : -1;
    }

    public boolean contains(int value) {
        return indexOf(value) >= 0;
    }

    public int size() {
        return size;
    }

    private void requireFrozen() {
        if (!frozen) {
            throw new IllegalStateException("call freeze() before lookups");
        }
    }
}
