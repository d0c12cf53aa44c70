package io.reelfm.core.deepfm;

import java.util.Arrays;

import io.reelfm.core.topk.ScoredItems;

/**
 * A trained DeepFM (Guo et al., 2017) as plain arrays, with its forward pass written out: what
 * serving and the trainer's gate run to re-rank a retrieval model's candidates.
 *
 * <p>For one (user, candidate) pair every {@link Field} f gives an embedding e_f (size k) and a
 * first-order term l_f. The score (a logit) is
 * <pre>
 *   y = sum_f l_f                                        first order
 *     + 1/2 sum_c [ (sum_f e_f,c)^2 - sum_f e_f,c^2 ]    FM: every pair of fields
 *     + mlp(e_HISTORY ++ e_ITEM ++ ... ++ e_RETRIEVAL)   deep part: ReLU layers, linear output (with the bias)
 * </pre>
 * which is what the trainer's DL4J graph computes (dropout is inverted, so inference uses the
 * weights as they are). Written out rather than run through ND4J because a list is one user
 * against a few hundred candidates: the user-side fields' embeddings, their FM sums and their
 * share of the first hidden layer are computed once per list ({@link #userState}), each item's own
 * fields (id, genres, decade) once when the network is loaded, leaving per candidate only the
 * retrieval inputs and the layers above the first.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeepFmNet {

    private static final int[] RETRIEVAL_COLUMNS = {0, 1};

    private final DeepFmFeatures features;
    private final int k;
    private final int candidates;
    private final FieldTables tables;
    private final DenseLayers layers;
    private final ItemShares items;

    /**
     * @param candidates how many of the retrieval model's best items a list re-ranks
     * @param embeddings per field (in {@link Field} order): its columns' embeddings, columns x k
     * @param linear     per field: its columns' first-order weights
     * @param weights    per dense layer, bottom up: in x out row-major; the last has one output
     * @param biases     per dense layer: out
     */
    public DeepFmNet(DeepFmFeatures features, int k, int candidates, float[][] embeddings, float[][] linear,
                     float[][] weights, float[][] biases) {
        this.tables = new FieldTables(features, k, embeddings, linear);
        this.layers = new DenseLayers(k, weights, biases);
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
        }
        this.features = features;
        this.k = k;
        this.candidates = candidates;
        this.items = new ItemShares(features, k, tables, layers);
    }

    public DeepFmFeatures features() {
        return features;
    }

    public int k() {
        return k;
    }

    /** How many retrieval candidates a list re-ranks. */
    public int candidates() {
        return candidates;
    }

    /** Hidden layer widths, bottom up. */
    public int[] hidden() {
        return layers.hidden();
    }

    FieldTables tables() {
        return tables;
    }

    DenseLayers layers() {
        return layers;
    }

    /**
     * The user's share of every candidate's score, computed once per list: the user-side fields'
     * embedding sum and sum of squares (k each), their first-order total, and their contribution
     * to the first layer (including its bias).
     */
    public float[] userState(DeepFmFeatures.UserFields user) {
        int width = layers.firstWidth();
        float[] state = new float[2 * k + 1 + width];
        System.arraycopy(layers.biases(0), 0, state, 2 * k + 1, width);
        float[] e = new float[k];
        for (Field f : Field.values()) {
            if (!f.userSide()) {
                continue;
            }
            Arrays.fill(e, 0f);
            state[2 * k] += embed(f, user, e);
            layers.addField(f, e, state, 2 * k + 1);
            for (int c = 0; c < k; c++) {
                state[c] += e[c];
                state[k + c] += e[c] * e[c];
            }
        }
        return state;
    }

    private float embed(Field f, DeepFmFeatures.UserFields user, float[] e) {
        return switch (f) {
            case HISTORY -> tables.weighted(f, user.history(), user.weights(), e);
            case AGE -> tables.column(f, user.age(), e);
            case GENDER -> tables.column(f, user.gender(), e);
            case OCCUPATION -> tables.column(f, user.occupation(), e);
            default -> throw new IllegalStateException(f + " is not a user field");
        };
    }

    /**
     * Scores {@code n} candidates of one list: {@code rows[j]} in the features' item rows (-1 for an
     * item the network does not know), with the retrieval inputs {@code z[j]} and {@code position[j]}
     * ({@link DeepFmFeatures#retrievalInputs}); logits into {@code out}.
     */
    public void score(float[] state, int[] rows, float[] z, float[] position, int n, float[] out) {
        float[] e = new float[k];
        float[] sum = new float[k];
        int width = layers.firstWidth();
        float[] h = new float[width];
        int maxWidth = layers.maxWidth();
        float[] a = new float[maxWidth];
        float[] b = new float[maxWidth];
        float[] retrievalWeights = new float[2];
        int unknown = features.items();
        double userSquares = 0;
        for (int c = 0; c < k; c++) {
            userSquares += state[k + c];
        }
        for (int j = 0; j < n; j++) {
            int row = rows[j] < 0 || rows[j] >= unknown ? unknown : rows[j];
            for (int c = 0; c < k; c++) {
                sum[c] = state[c] + items.sum(row, c);
            }
            double sq = userSquares + items.squares(row);
            double lin = state[2 * k] + items.linear(row);
            for (int o = 0; o < width; o++) {
                h[o] = state[2 * k + 1 + o] + items.hidden(row, o);
            }
            Arrays.fill(e, 0f);
            retrievalWeights[0] = z[j];
            retrievalWeights[1] = position[j];
            lin += tables.weighted(Field.RETRIEVAL, RETRIEVAL_COLUMNS, retrievalWeights, e);
            for (int c = 0; c < k; c++) {
                sum[c] += e[c];
                sq += e[c] * e[c];
            }
            layers.addField(Field.RETRIEVAL, e, h, 0);
            double fm = 0;
            for (int c = 0; c < k; c++) {
                fm += sum[c] * sum[c];
            }
            fm = 0.5 * (fm - sq);
            out[j] = (float) (lin + fm + layers.deep(h, a, b));
        }
    }

    /**
     * Logits of a retrieval model's candidates for one user, best retrieval score first: the
     * candidates' retrieval inputs ({@link DeepFmFeatures#retrievalInputs}) and {@link #score}.
     * What every re-ranked list runs: serving's, the trainer's gate's and {@code evaluate}'s.
     */
    public float[] rerank(float[] userState, ScoredItems candidates) {
        float[][] inputs = DeepFmFeatures.retrievalInputs(candidates, candidates());
        float[] logits = new float[candidates.size()];
        score(userState, candidates.indices(), inputs[0], inputs[1], candidates.size(), logits);
        return logits;
    }

    /** The network and its feature layout as bytes ({@code DFM1}). */
    public byte[] encode() {
        return DeepFmNetCodec.encode(this);
    }

    /** Reads {@link #encode}'s bytes; anything malformed is an {@link IllegalArgumentException} saying what. */
    public static DeepFmNet decode(byte[] payload) {
        return DeepFmNetCodec.decode(payload);
    }
}
