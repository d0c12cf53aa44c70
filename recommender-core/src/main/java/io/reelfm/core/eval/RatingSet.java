package io.reelfm.core.eval;

import java.util.Arrays;

/**
 * Ratings as parallel primitive columns over dense user and item indices, the shape every
 * learner and metric in the harness reads. Immutable after construction: the arrays are
 * copied in and never handed out, so a split can be shared by concurrent evaluations.
 *
 * @param numUsers size of the user index space (indices are 0..numUsers-1), shared by train and test
 * @param numItems size of the item index space, shared by train and test
 */
public final class RatingSet {

    private final int[] users;
    private final int[] items;
    private final float[] values;
    private final long[] times;
    private final int numUsers;
    private final int numItems;

    public RatingSet(int[] users, int[] items, float[] values, long[] times, int numUsers, int numItems) {
        int n = users.length;
        if (items.length != n || values.length != n || times.length != n) {
            throw new IllegalArgumentException("columns differ in length: users=" + n + " items=" + items.length
                    + " values=" + values.length + " times=" + times.length);
        }
        for (int i = 0; i < n; i++) {
            if (users[i] < 0 || users[i] >= numUsers) {
                throw new IllegalArgumentException("users[" + i + "]=" + users[i] + " outside 0.." + (numUsers - 1));
            }
            if (items[i] < 0 || items[i] >= numItems) {
                throw new IllegalArgumentException("items[" + i + "]=" + items[i] + " outside 0.." + (numItems - 1));
            }
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] is not finite: " + values[i]);
            }
        }
        this.users = users.clone();
        this.items = items.clone();
        this.values = values.clone();
        this.times = times.clone();
        this.numUsers = numUsers;
        this.numItems = numItems;
    }

    public int size() {
        return users.length;
    }

    public int user(int row) {
        return users[row];
    }

    public int item(int row) {
        return items[row];
    }

    public float value(int row) {
        return values[row];
    }

    public long time(int row) {
        return times[row];
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    /** Mean of all values; 0 for an empty set. */
    public double mean() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /**
     * The lowest and highest value, {@code {min, max}}: the data's own rating scale (half stars
     * start at 0.5, not 1), which every learner takes from here rather than from a constant;
     * null for an empty set.
     */
    public float[] valueRange() {
        if (values.length == 0) {
            return null;
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }

    /** The rows at the given positions, in that order, over the same index spaces. */
    public RatingSet select(int[] rows) {
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        float[] v = new float[rows.length];
        long[] t = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            u[r] = users[rows[r]];
            i[r] = items[rows[r]];
            v[r] = values[rows[r]];
            t[r] = times[rows[r]];
        }
        return new RatingSet(u, i, v, t, numUsers, numItems);
    }

    /** Row positions grouped by user: {@code result[u]} lists the rows of user u in row order. */
    public int[][] rowsByUser() {
        int[] counts = new int[numUsers];
        for (int u : users) {
            counts[u]++;
        }
        int[][] byUser = new int[numUsers][];
        for (int u = 0; u < numUsers; u++) {
            byUser[u] = new int[counts[u]];
        }
        Arrays.fill(counts, 0);
        for (int r = 0; r < users.length; r++) {
            byUser[users[r]][counts[users[r]]++] = r;
        }
        return byUser;
    }
}
