package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingSet;

/**
 * Who interacted with what, as two compressed sparse row views of one matrix (by user and by
 * item), each entry carrying its confidence weight. Ranking models learn from this rather than
 * from rating values: a rating is an interaction, and its value only changes how much the
 * interaction counts ({@link InteractionWeight}). A user who rated an item twice counts once,
 * with the larger weight.
 *
 * <p>Immutable; the arrays are never handed out.
 */
public final class Interactions {

    private final int users;
    private final int items;
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userWeights;
    private final int[] itemStart;
    private final int[] itemUsers;
    private final float[] itemWeights;

    private Interactions(int users, int items, int[] userStart, int[] userItems, float[] userWeights, int[] itemStart,
                         int[] itemUsers, float[] itemWeights) {
        this.users = users;
        this.items = items;
        this.userStart = userStart;
        this.userItems = userItems;
        this.userWeights = userWeights;
        this.itemStart = itemStart;
        this.itemUsers = itemUsers;
        this.itemWeights = itemWeights;
    }

    /** Every row of {@code ratings} as an interaction over its index spaces, weighted by {@code weight}. */
    public static Interactions of(RatingSet ratings, InteractionWeight weight) {
        int n = ratings.size();
        int numUsers = ratings.numUsers();
        int numItems = ratings.numItems();
        int[] start = new int[numUsers + 1];
        for (int r = 0; r < n; r++) {
            start[ratings.user(r) + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = start.clone();
        int[] items = new int[n];
        float[] weights = new float[n];
        for (int r = 0; r < n; r++) {
            int at = fill[ratings.user(r)]++;
            items[at] = ratings.item(r);
            weights[at] = weight.of(ratings.value(r));
        }
        // sort each user's row by item and merge repeats (keeping the larger weight)
        int[] outStart = new int[numUsers + 1];
        int out = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = start[u];
            int to = start[u + 1];
            sortByItem(items, weights, from, to);
            outStart[u] = out;
            for (int p = from; p < to; p++) {
                if (out > outStart[u] && items[out - 1] == items[p]) {
                    weights[out - 1] = Math.max(weights[out - 1], weights[p]);
                } else {
                    items[out] = items[p];
                    weights[out] = weights[p];
                    out++;
                }
            }
        }
        outStart[numUsers] = out;
        int[] uItems = java.util.Arrays.copyOf(items, out);
        float[] uWeights = java.util.Arrays.copyOf(weights, out);
        int[] iStart = new int[numItems + 1];
        for (int p = 0; p < out; p++) {
            iStart[uItems[p] + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            iStart[i + 1] += iStart[i];
        }
        int[] iFill = iStart.clone();
        int[] iUsers = new int[out];
        float[] iWeights = new float[out];
        for (int u = 0; u < numUsers; u++) {
            for (int p = outStart[u]; p < outStart[u + 1]; p++) {
                int at = iFill[uItems[p]]++;
                iUsers[at] = u;
                iWeights[at] = uWeights[p];
            }
        }
        return new Interactions(numUsers, numItems, outStart, uItems, uWeights, iStart, iUsers, iWeights);
    }

    /** Sorts one user's row by item: insertion sort for short rows, a packed primitive sort for long ones. */
    private static void sortByItem(int[] items, float[] weights, int from, int to) {
        if (to - from > 32) {
            long[] keys = new long[to - from];
            for (int p = from; p < to; p++) {
                keys[p - from] = ((long) items[p] << 32) | Float.floatToRawIntBits(weights[p]) & 0xffffffffL;
            }
            java.util.Arrays.sort(keys);
            for (int p = from; p < to; p++) {
                items[p] = (int) (keys[p - from] >>> 32);
                weights[p] = Float.intBitsToFloat((int) keys[p - from]);
            }
            return;
        }
        for (int a = from + 1; a < to; a++) {
            int item = items[a];
            float w = weights[a];
            int b = a - 1;
            while (b >= from && items[b] > item) {
                items[b + 1] = items[b];
                weights[b + 1] = weights[b];
                b--;
            }
            items[b + 1] = item;
            weights[b + 1] = w;
        }
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** Number of distinct (user, item) interactions. */
    public int size() {
        return userItems.length;
    }

    /** Share of all user-item cells that hold an interaction. */
    public double density() {
        return users == 0 || items == 0 ? 0 : size() / ((double) users * items);
    }

    public int userCount(int user) {
        return userStart[user + 1] - userStart[user];
    }

    public int itemCount(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    /** The items of {@code user}, ascending (a copy). */
    public int[] itemsOf(int user) {
        return java.util.Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
    }

    /** Their weights, in the order of {@link #itemsOf} (a copy). */
    public float[] weightsOf(int user) {
        return java.util.Arrays.copyOfRange(userWeights, userStart[user], userStart[user + 1]);
    }

    /** One side of the matrix as rows: users (by user) or items (by item). */
    Side side(boolean byUser) {
        return byUser ? new Side(users, userStart, userItems, userWeights)
                : new Side(items, itemStart, itemUsers, itemWeights);
    }

    /** Compressed rows of one orientation; package-private views of the internal arrays. */
    record Side(int rows, int[] start, int[] columns, float[] weights) {
        int count(int row) {
            return start[row + 1] - start[row];
        }
    }
}
