package io.reelfm.trainer.model;

import io.reelfm.trainer.store.RatingStore;

/**
 * An immutable selection of rows of the rating store in the shape learners need: parallel
 * arrays plus compressed-sparse-row indexes by user and by item (for ALS and fold-in).
 */
public final class TrainingSet {

    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final int userCount;
    private final int itemCount;
    private int[] byUserStart;
    private int[] byUser;
    private int[] byItemStart;
    private int[] byItem;

    public TrainingSet(int[] users, int[] items, float[] ratings, int userCount, int itemCount) {
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.userCount = userCount;
        this.itemCount = itemCount;
    }

    /** The given rows of the store; user and item counts are the dictionaries' sizes. */
    public static TrainingSet of(RatingStore store, int[] rows, int userCount, int itemCount) {
        int n = rows.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] r = new float[n];
        for (int j = 0; j < n; j++) {
            u[j] = store.user(rows[j]);
            i[j] = store.item(rows[j]);
            r[j] = store.rating(rows[j]);
        }
        return new TrainingSet(u, i, r, userCount, itemCount);
    }

    public int size() {
        return users.length;
    }

    public int user(int j) {
        return users[j];
    }

    public int item(int j) {
        return items[j];
    }

    public float rating(int j) {
        return ratings[j];
    }

    public int userCount() {
        return userCount;
    }

    public int itemCount() {
        return itemCount;
    }

    public double mean() {
        double s = 0;
        for (float r : ratings) {
            s += r;
        }
        return ratings.length == 0 ? 0 : s / ratings.length;
    }

    /** Start of a user's entries in {@link #userEntries()}; entries of user u are [start(u), start(u+1)). */
    public synchronized int[] userStarts() {
        if (byUserStart == null) {
            byUserStart = new int[userCount + 1];
            byUser = group(users, userCount, byUserStart);
        }
        return byUserStart;
    }

    public synchronized int[] userEntries() {
        userStarts();
        return byUser;
    }

    public synchronized int[] itemStarts() {
        if (byItemStart == null) {
            byItemStart = new int[itemCount + 1];
            byItem = group(items, itemCount, byItemStart);
        }
        return byItemStart;
    }

    public synchronized int[] itemEntries() {
        itemStarts();
        return byItem;
    }

    private static int[] group(int[] keys, int count, int[] starts) {
        for (int key : keys) {
            starts[key + 1]++;
        }
        for (int j = 0; j < count; j++) {
            starts[j + 1] += starts[j];
        }
        int[] fill = starts.clone();
        int[] out = new int[keys.length];
        for (int j = 0; j < keys.length; j++) {
            out[fill[keys[j]]++] = j;
        }
        return out;
    }
}
