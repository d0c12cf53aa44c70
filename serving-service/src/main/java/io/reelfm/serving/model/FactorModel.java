package io.reelfm.serving.model;

import java.util.HashMap;
import java.util.Map;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.FactorSnapshot;

/**
 * One loaded model version: the item side of a biased factor model (global bias, per-item
 * bias and factors) plus the manifest it came with. Immutable and shared by all request
 * threads; a new version is a new instance, swapped in whole by {@link ModelRegistry}, so a
 * request never sees parameters of two versions.
 *
 * <p>Reads the {@link FactorSnapshot} payload the trainer publishes ({@code RFM1}).
 */
public final class FactorModel {

    private final ModelManifest manifest;
    private final int k;
    private final float globalBias;
    private final float foldInLambda;
    private final String[] itemIds;
    private final float[] itemBias;
    private final float[] itemFactors;
    private final float[] itemNorms;
    private final Map<String, Integer> rows;

    FactorModel(ModelManifest manifest, int k, float globalBias, float foldInLambda, String[] itemIds,
                float[] itemBias, float[] itemFactors) {
        if (k < 1 || itemBias.length != itemIds.length || itemFactors.length != itemIds.length * k) {
            throw new IllegalArgumentException("inconsistent factor model: k=" + k + ", " + itemIds.length + " ids, "
                    + itemBias.length + " biases, " + itemFactors.length + " factors");
        }
        this.manifest = manifest;
        this.k = k;
        this.globalBias = globalBias;
        this.foldInLambda = foldInLambda;
        this.itemIds = itemIds;
        this.itemBias = itemBias;
        this.itemFactors = itemFactors;
        this.itemNorms = new float[itemIds.length];
        this.rows = new HashMap<>(itemIds.length * 2);
        for (int i = 0; i < itemIds.length; i++) {
            rows.put(itemIds[i], i);
            double n = 0;
            for (int f = 0; f < k; f++) {
                n += (double) itemFactors[i * k + f] * itemFactors[i * k + f];
            }
            itemNorms[i] = (float) Math.sqrt(n);
        }
    }

    /** Parses a verified payload; a malformed one raises {@link IllegalArgumentException} saying why. */
    public static FactorModel fromPayload(ModelManifest manifest, byte[] payload) {
        FactorSnapshot snap = FactorSnapshot.fromBytes(payload);
        return new FactorModel(manifest, snap.k(), snap.globalBias(), snap.foldInLambda(), snap.itemIds(),
                snap.itemBias(), snap.itemFactors());
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.getModelName();
    }

    public long version() {
        return manifest.getVersion();
    }

    public int k() {
        return k;
    }

    public int items() {
        return itemIds.length;
    }

    public float globalBias() {
        return globalBias;
    }

    public float foldInLambda() {
        return foldInLambda;
    }

    /** Row of an item, or -1 when this version does not know it. */
    public int row(String itemId) {
        Integer r = rows.get(itemId);
        return r == null ? -1 : r;
    }

    public String itemId(int row) {
        return itemIds[row];
    }

    public float itemBias(int row) {
        return itemBias[row];
    }

    public float factor(int row, int f) {
        return itemFactors[row * k + f];
    }

    /**
     * Predicted rating of every item for a folded-in user {@code [bias, p_0..p_{k-1}]}:
     * {@code mu + b_u + b_i + <p_u, q_i>}.
     */
    public float[] scoreAll(double[] user) {
        int n = itemIds.length;
        float[] out = new float[n];
        float[] p = new float[k];
        for (int f = 0; f < k; f++) {
            p[f] = (float) user[f + 1];
        }
        float base = (float) (globalBias + user[0]);
        for (int i = 0; i < n; i++) {
            int o = i * k;
            float s = 0;
            for (int f = 0; f < k; f++) {
                s += p[f] * itemFactors[o + f];
            }
            out[i] = base + itemBias[i] + s;
        }
        return out;
    }

    /** Predicted rating of one row; row -1 (unknown item) falls back to the user's baseline. */
    public double predict(double[] user, int row) {
        double s = globalBias + user[0];
        if (row < 0) {
            return s;
        }
        s += itemBias[row];
        int o = row * k;
        for (int f = 0; f < k; f++) {
            s += user[f + 1] * itemFactors[o + f];
        }
        return s;
    }

    /** Cosine similarity of two items' factor vectors; 0 when either vector is zero. */
    public float cosine(int a, int b) {
        float na = itemNorms[a];
        float nb = itemNorms[b];
        if (na == 0 || nb == 0) {
            return 0;
        }
        float dot = 0;
        int oa = a * k;
        int ob = b * k;
        for (int f = 0; f < k; f++) {
            dot += itemFactors[oa + f] * itemFactors[ob + f];
        }
        return dot / (na * nb);
    }

    /** Cosine similarity of {@code row} to every item. */
    public float[] cosineToAll(int row) {
        float[] out = new float[itemIds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cosine(row, i);
        }
        return out;
    }
}
