package io.reelfm.trainer.model;

import java.util.Arrays;
import java.util.Random;

import io.reelfm.schemas.snapshot.FactorSnapshot;
import io.reelfm.trainer.store.IdDictionary;

/**
 * The full, mutable parameters a learner works on: global bias, per-user and per-item biases and
 * factor vectors. User parameters stay inside the trainer (they make warm starts and online
 * updates cheap); only {@link #toSnapshot} leaves it, carrying the item side.
 */
public final class FactorParams {

    private final int k;
    private final long seed;
    double mu;
    float[] userBias = new float[0];
    float[] itemBias = new float[0];
    float[] userFactors = new float[0];
    float[] itemFactors = new float[0];
    private int users;
    private int items;

    public FactorParams(int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    public int k() {
        return k;
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    public double mu() {
        return mu;
    }

    /**
     * Grows to at least the given counts, initialising new rows with small seeded random factors
     * and zero biases; existing rows are kept, which is what makes a refit warm-started.
     */
    public void ensureSize(int userCount, int itemCount) {
        if (userCount > users) {
            userBias = Arrays.copyOf(userBias, userCount);
            userFactors = grow(userFactors, users, userCount, seed * 31 + users);
            users = userCount;
        }
        if (itemCount > items) {
            itemBias = Arrays.copyOf(itemBias, itemCount);
            itemFactors = grow(itemFactors, items, itemCount, seed * 17 + items + 1);
            items = itemCount;
        }
    }

    private float[] grow(float[] old, int oldRows, int newRows, long s) {
        float[] out = Arrays.copyOf(old, newRows * k);
        Random rnd = new Random(s);
        for (int j = oldRows * k; j < newRows * k; j++) {
            out[j] = (float) (rnd.nextGaussian() * 0.1 / Math.sqrt(k));
        }
        return out;
    }

    /**
     * Copies item biases and factors from a published snapshot for items it knows (matched by
     * id), so a restarted trainer refits warm from the version serving has rather than from noise.
     * Only valid when {@code k} matches; otherwise nothing is copied.
     */
    public void seedItems(FactorSnapshot snapshot, IdDictionary itemIds) {
        if (snapshot.k() != k) {
            return;
        }
        ensureSize(users, itemIds.size());
        mu = snapshot.globalBias();
        java.util.Map<String, Integer> index = snapshot.itemIndex();
        for (int i = 0; i < items; i++) {
            Integer row = index.get(itemIds.id(i));
            if (row != null) {
                itemBias[i] = snapshot.itemBias()[row];
                System.arraycopy(snapshot.itemFactors(), row * k, itemFactors, i * k, k);
            }
        }
    }

    public double predict(int u, int i) {
        double s = mu + userBias[u] + itemBias[i];
        int bu = u * k;
        int bi = i * k;
        for (int f = 0; f < k; f++) {
            s += userFactors[bu + f] * itemFactors[bi + f];
        }
        return s;
    }

    /** The item side, for items {@code 0..items-1} named by the dictionary. */
    public FactorSnapshot toSnapshot(IdDictionary itemIds, double userLambda) {
        String[] ids = new String[items];
        for (int i = 0; i < items; i++) {
            ids[i] = itemIds.id(i);
        }
        return new FactorSnapshot(k, (float) mu, (float) userLambda, ids, itemBias.clone(), itemFactors.clone());
    }

    public FactorParams copy() {
        FactorParams c = new FactorParams(k, seed);
        c.mu = mu;
        c.users = users;
        c.items = items;
        c.userBias = userBias.clone();
        c.itemBias = itemBias.clone();
        c.userFactors = userFactors.clone();
        c.itemFactors = itemFactors.clone();
        return c;
    }
}
