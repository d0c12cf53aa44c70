package io.reelfm.core.eval;

import java.util.Arrays;

/**
 * Accumulates ratings keyed by external ids into growable primitive columns. Several builders
 * may share the same {@link IdIndex} pair so that a train file and a test file (or five folds)
 * land in one index space; {@link #build} sizes each set to the indices known at that moment.
 */
public final class RatingSetBuilder {

    private final IdIndex users;
    private final IdIndex items;
    private int[] u = new int[1024];
    private int[] i = new int[1024];
    private float[] v = new float[1024];
    private long[] t = new long[1024];
    private int size;

    public RatingSetBuilder(IdIndex users, IdIndex items) {
        this.users = users;
        this.items = items;
    }

    public RatingSetBuilder add(String userId, String itemId, float value, long time) {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("userId is empty");
        }
        if (itemId == null || itemId.isEmpty()) {
            throw new IllegalArgumentException("itemId is empty");
        }
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("value is not finite for user " + userId + ", item " + itemId);
        }
        if (size == u.length) {
            int capacity = size * 2;
            u = Arrays.copyOf(u, capacity);
            i = Arrays.copyOf(i, capacity);
            v = Arrays.copyOf(v, capacity);
            t = Arrays.copyOf(t, capacity);
        }
        u[size] = users.indexOf(userId);
        i[size] = items.indexOf(itemId);
        v[size] = value;
        t[size] = time;
        size++;
        return this;
    }

    /** The ratings so far over the current sizes of both indices. */
    public RatingSet build() {
        return build(users.size(), items.size());
    }

    /** The ratings so far over explicit index-space sizes (at least the current ones). */
    public RatingSet build(int numUsers, int numItems) {
        return new RatingSet(Arrays.copyOf(u, size), Arrays.copyOf(i, size), Arrays.copyOf(v, size),
                Arrays.copyOf(t, size), numUsers, numItems);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }
}
