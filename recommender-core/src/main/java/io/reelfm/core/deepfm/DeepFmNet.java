package io.reelfm.core.deepfm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    static final int MAGIC = 0x44464D31; // "DFM1"
    private static final int[] RETRIEVAL_COLUMNS = {0, 1};

    private final DeepFmFeatures features;
    private final int k;
    private final int candidates;
    /** Per field: columns x k, row-major. */
    private final float[][] embeddings;
    /** Per field: one weight per column. */
    private final float[][] linear;
    /** Layer widths: F*k, hidden..., 1. */
    private final int[] widths;
    /** Per layer: in x out, row-major by input. */
    private final float[][] weights;
    private final float[][] biases;
    /**
     * Each item's fixed share of its score (fields ITEM, GENRES and DECADE), row n for an unknown
     * item: embedding sum (k), sum of squares, first-order total and first-layer contribution.
     */
    private final float[] itemSum;
    private final float[] itemSquares;
    private final float[] itemLinear;
    private final float[] itemHidden;

    /**
     * @param candidates how many of the retrieval model's best items a list re-ranks
     * @param embeddings per field (in {@link Field} order): its columns' embeddings, columns x k
     * @param linear     per field: its columns' first-order weights
     * @param weights    per dense layer, bottom up: in x out row-major; the last has one output
     * @param biases     per dense layer: out
     */
    public DeepFmNet(DeepFmFeatures features, int k, int candidates, float[][] embeddings, float[][] linear,
                     float[][] weights, float[][] biases) {
        Field[] fields = Field.values();
        if (embeddings.length != fields.length || linear.length != fields.length) {
            throw new IllegalArgumentException("one embedding table and one linear table per field: " + fields.length);
        }
        for (Field f : fields) {
            int n = features.size(f);
            if (embeddings[f.ordinal()].length != n * k || linear[f.ordinal()].length != n) {
                throw new IllegalArgumentException("field " + f + " has " + n + " columns; tables of "
                        + embeddings[f.ordinal()].length + " and " + linear[f.ordinal()].length + " values");
            }
        }
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("the deep part needs at least one layer and a bias per layer");
        }
        int[] w = new int[weights.length + 1];
        w[0] = fields.length * k;
        for (int l = 0; l < weights.length; l++) {
            w[l + 1] = biases[l].length;
            if (weights[l].length != w[l] * w[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " weights for "
                        + w[l] + " x " + w[l + 1]);
            }
        }
        if (w[w.length - 1] != 1) {
            throw new IllegalArgumentException("the last layer must have one output, has " + w[w.length - 1]);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
        }
        this.features = features;
        this.k = k;
        this.candidates = candidates;
        this.embeddings = embeddings;
        this.linear = linear;
        this.widths = w;
        this.weights = weights;
        this.biases = biases;
        int n = features.items();
        int h = widths[1];
        itemSum = new float[(n + 1) * k];
        itemSquares = new float[n + 1];
        itemLinear = new float[n + 1];
        itemHidden = new float[(n + 1) * h];
        float[] e = new float[k];
        float[] hidden = new float[h];
        for (int row = 0; row <= n; row++) {
            int r = row == n ? -1 : row;
            Arrays.fill(hidden, 0f);
            for (Field f : new Field[] {Field.ITEM, Field.GENRES, Field.DECADE}) {
                Arrays.fill(e, 0f);
                itemLinear[row] += itemField(f, r, e);
                for (int c = 0; c < k; c++) {
                    itemSum[row * k + c] += e[c];
                    itemSquares[row] += e[c] * e[c];
                }
                addField(f, e, hidden, 0);
            }
            System.arraycopy(hidden, 0, itemHidden, row * h, h);
        }
    }

    /** Embedding (into {@code e}) and first-order term of one of an item's own fields. */
    private float itemField(Field f, int row, float[] e) {
        return switch (f) {
            case ITEM -> column(f, features.itemColumn(row), e);
            case GENRES -> {
                if (row < 0) {
                    yield 0f;
                }
                int[] g = features.genres(row);
                float[] w = new float[g.length];
                Arrays.fill(w, g.length == 0 ? 0f : 1f / g.length);
                yield weighted(f, g, w, e);
            }
            case DECADE -> column(f, row < 0 ? 0 : features.decade(row), e);
            default -> throw new IllegalStateException(f + " is not an item field");
        };
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
        return Arrays.copyOfRange(widths, 1, widths.length - 1);
    }

    /**
     * The user's share of every candidate's score, computed once per list: the user-side fields'
     * embedding sum and sum of squares (k each), their first-order total, and their contribution
     * to the first layer (including its bias).
     */
    public float[] userState(DeepFmFeatures.UserFields user) {
        float[] state = new float[2 * k + 1 + widths[1]];
        System.arraycopy(biases[0], 0, state, 2 * k + 1, widths[1]);
        float[] e = new float[k];
        for (Field f : Field.values()) {
            if (!f.userSide()) {
                continue;
            }
            Arrays.fill(e, 0f);
            state[2 * k] += embed(f, user, e);
            addField(f, e, state, 2 * k + 1);
            for (int c = 0; c < k; c++) {
                state[c] += e[c];
                state[k + c] += e[c] * e[c];
            }
        }
        return state;
    }

    private float embed(Field f, DeepFmFeatures.UserFields user, float[] e) {
        return switch (f) {
            case HISTORY -> weighted(f, user.history(), user.weights(), e);
            case AGE -> column(f, user.age(), e);
            case GENDER -> column(f, user.gender(), e);
            case OCCUPATION -> column(f, user.occupation(), e);
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
        int width = widths[1];
        float[] h = new float[width];
        int maxWidth = Arrays.stream(widths).max().orElse(1);
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
            int base = row * k;
            for (int c = 0; c < k; c++) {
                sum[c] = state[c] + itemSum[base + c];
            }
            double sq = userSquares + itemSquares[row];
            double lin = state[2 * k] + itemLinear[row];
            int hBase = row * width;
            for (int o = 0; o < width; o++) {
                h[o] = state[2 * k + 1 + o] + itemHidden[hBase + o];
            }
            Arrays.fill(e, 0f);
            retrievalWeights[0] = z[j];
            retrievalWeights[1] = position[j];
            lin += weighted(Field.RETRIEVAL, RETRIEVAL_COLUMNS, retrievalWeights, e);
            for (int c = 0; c < k; c++) {
                sum[c] += e[c];
                sq += e[c] * e[c];
            }
            addField(Field.RETRIEVAL, e, h, 0);
            double fm = 0;
            for (int c = 0; c < k; c++) {
                fm += sum[c] * sum[c];
            }
            fm = 0.5 * (fm - sq);
            out[j] = (float) (lin + fm + deep(h, a, b));
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

    /** The layers above the first, from the first layer's pre-activation {@code h}. */
    private float deep(float[] h, float[] a, float[] b) {
        int width = widths[1];
        for (int i = 0; i < width; i++) {
            a[i] = Math.max(0f, h[i]);
        }
        for (int l = 1; l < weights.length; l++) {
            int in = widths[l];
            int outW = widths[l + 1];
            float[] w = weights[l];
            System.arraycopy(biases[l], 0, b, 0, outW);
            for (int i = 0; i < in; i++) {
                float x = a[i];
                if (x == 0f) {
                    continue;
                }
                int base = i * outW;
                for (int o = 0; o < outW; o++) {
                    b[o] += x * w[base + o];
                }
            }
            boolean last = l == weights.length - 1;
            for (int o = 0; o < outW; o++) {
                a[o] = last ? b[o] : Math.max(0f, b[o]);
            }
        }
        return weights.length == 1 ? h[0] : a[0];
    }

    /** Adds field f's embedding times its block of the first layer's weights into {@code h[offset..]}. */
    private void addField(Field f, float[] e, float[] h, int offset) {
        int out = widths[1];
        float[] w = weights[0];
        int base = f.ordinal() * k;
        for (int c = 0; c < k; c++) {
            float x = e[c];
            if (x == 0f) {
                continue;
            }
            int rowBase = (base + c) * out;
            for (int o = 0; o < out; o++) {
                h[offset + o] += x * w[rowBase + o];
            }
        }
    }

    private float column(Field f, int col, float[] e) {
        float[] table = embeddings[f.ordinal()];
        int base = col * k;
        for (int c = 0; c < k; c++) {
            e[c] += table[base + c];
        }
        return linear[f.ordinal()][col];
    }

    private float weighted(Field f, int[] cols, float[] w, float[] e) {
        float[] table = embeddings[f.ordinal()];
        float lin = 0;
        for (int p = 0; p < cols.length; p++) {
            float x = w[p];
            int base = cols[p] * k;
            for (int c = 0; c < k; c++) {
                e[c] += x * table[base + c];
            }
            lin += x * linear[f.ordinal()][cols[p]];
        }
        return lin;
    }

    /** The network and its feature layout as bytes ({@code DFM1}). */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(k);
            out.writeInt(candidates);
            features.write(out);
            for (Field f : Field.values()) {
                writeFloats(out, embeddings[f.ordinal()]);
                writeFloats(out, linear[f.ordinal()]);
            }
            out.writeInt(weights.length);
            for (int l = 0; l < weights.length; l++) {
                writeFloats(out, weights[l]);
                writeFloats(out, biases[l]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode}'s bytes; anything malformed is an {@link IllegalArgumentException} saying what. */
    public static DeepFmNet decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a DeepFM network (magic DFM1 expected)");
            }
            int k = in.readInt();
            int candidates = in.readInt();
            if (k < 1 || k > 1024) {
                throw new IllegalArgumentException("DeepFM embedding size " + k + " outside 1..1024");
            }
            DeepFmFeatures features = DeepFmFeatures.read(in);
            Field[] fields = Field.values();
            float[][] emb = new float[fields.length][];
            float[][] lin = new float[fields.length][];
            for (Field f : fields) {
                emb[f.ordinal()] = readFloats(in);
                lin[f.ordinal()] = readFloats(in);
            }
            int layers = in.readInt();
            if (layers < 1 || layers > 64) {
                throw new IllegalArgumentException("DeepFM layer count " + layers + " outside 1..64");
            }
            float[][] w = new float[layers][];
            float[][] b = new float[layers][];
            for (int l = 0; l < layers; l++) {
                w[l] = readFloats(in);
                b[l] = readFloats(in);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("DeepFM network has " + in.available() + " unexpected trailing bytes");
            }
            return new DeepFmNet(features, k, candidates, emb, lin, w, b);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated DeepFM network: " + e.getMessage(), e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * Float.BYTES > in.available()) {
            throw new IllegalArgumentException("DeepFM array of " + n + " floats does not fit the remaining bytes");
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = in.readFloat();
        }
        return out;
    }
}
