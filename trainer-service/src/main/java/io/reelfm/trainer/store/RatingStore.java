package io.reelfm.trainer.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The training set as parallel primitive arrays, one row per (user, item) pair, the latest
 * rating winning. A row costs 16 bytes (user, item, rating, timestamp in seconds) plus about
 * 6 bytes of index, so 25M ratings fit in well under 1 GB of heap. The (user, item) → row index
 * is an open-addressing table of row numbers that compares against the row arrays themselves,
 * so it stores no keys of its own.
 *
 * <p>Not thread-safe: the consuming thread owns it; learners read it on the same thread or
 * from a {@link #copy()}.
 */
public final class RatingStore {

    /** What {@link #put} did with a rating. */
    public enum Outcome { ADDED, REPLACED, STALE }

    private int[] users;
    private int[] items;
    private float[] ratings;
    private int[] seconds;
    private int size;
    private int[] table;

    public RatingStore(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        users = new int[cap];
        items = new int[cap];
        ratings = new float[cap];
        seconds = new int[cap];
        table = new int[tableSizeFor(cap)];
    }

    private static int tableSizeFor(int rows) {
        long want = Math.max(32, (long) rows * 2);
        return (int) Math.min(1 << 30, Long.highestOneBit(want - 1) << 1);
    }

    /**
     * Stores a rating unless the pair already has a later one. Ties go to the newcomer, which
     * arrived later in the log.
     */
    public Outcome put(int user, int item, float rating, long timestampMillis) {
        int ts = (int) Math.min(Integer.MAX_VALUE, Math.max(0, timestampMillis / 1000));
        int slot = findSlot(user, item);
        int row = table[slot] - 1;
        if (row >= 0) {
            if (seconds[row] > ts) {
                return Outcome.STALE;
            }
            ratings[row] = rating;
            seconds[row] = ts;
            return Outcome.REPLACED;
        }
        if (size == users.length) {
            grow();
            slot = findSlot(user, item);
        }
        users[size] = user;
        items[size] = item;
        ratings[size] = rating;
        seconds[size] = ts;
        table[slot] = ++size;
        return Outcome.ADDED;
    }

    /** Row of the pair, or -1. */
    public int row(int user, int item) {
        return table[findSlot(user, item)] - 1;
    }

    private int findSlot(int user, int item) {
        int mask = table.length - 1;
        long key = ((long) user << 32) | (item & 0xffffffffL);
        key *= 0x9E3779B97F4A7C15L;
        int i = (int) (key >>> 35) & mask;
        while (true) {
            int r = table[i] - 1;
            if (r < 0 || (users[r] == user && items[r] == item)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, users.length * 2L);
        users = Arrays.copyOf(users, cap);
        items = Arrays.copyOf(items, cap);
        ratings = Arrays.copyOf(ratings, cap);
        seconds = Arrays.copyOf(seconds, cap);
        if (tableSizeFor(cap) > table.length) {
            rehash(tableSizeFor(cap));
        }
    }

    private void rehash(int tableSize) {
        table = new int[tableSize];
        for (int r = 0; r < size; r++) {
            table[findSlot(users[r], items[r])] = r + 1;
        }
    }

    public int size() {
        return size;
    }

    public int user(int row) {
        return users[row];
    }

    public int item(int row) {
        return items[row];
    }

    public float rating(int row) {
        return ratings[row];
    }

    /** Timestamp of the row in epoch seconds. */
    public int seconds(int row) {
        return seconds[row];
    }

    /** Approximate heap bytes held (arrays only). */
    public long heapBytes() {
        return 4L * (users.length + items.length + ratings.length + seconds.length + table.length);
    }

    /** A trimmed, independent copy, for a learner working while consumption goes on. */
    public RatingStore copy() {
        RatingStore c = new RatingStore(16);
        c.users = Arrays.copyOf(users, Math.max(16, size));
        c.items = Arrays.copyOf(items, Math.max(16, size));
        c.ratings = Arrays.copyOf(ratings, Math.max(16, size));
        c.seconds = Arrays.copyOf(seconds, Math.max(16, size));
        c.size = size;
        c.rehash(tableSizeFor(c.users.length));
        return c;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int r = 0; r < size; r++) {
            out.writeInt(users[r]);
            out.writeInt(items[r]);
            out.writeFloat(ratings[r]);
            out.writeInt(seconds[r]);
        }
    }

    static RatingStore read(DataInput in) throws IOException {
        int n = in.readInt();
        RatingStore s = new RatingStore(Math.max(16, n));
        for (int r = 0; r < n; r++) {
            s.users[r] = in.readInt();
            s.items[r] = in.readInt();
            s.ratings[r] = in.readFloat();
            s.seconds[r] = in.readInt();
        }
        s.size = n;
        s.rehash(s.table.length);
        return s;
    }
}
