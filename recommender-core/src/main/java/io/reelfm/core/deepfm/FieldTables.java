package io.reelfm.core.deepfm;

/**
 * The embedding and first-order tables of a {@link DeepFmNet}, one pair per {@link Field}. Every
 * part of the forward pass (the items' fixed shares, a user's state, each candidate's retrieval
 * field) turns a field's columns into an embedding and a first-order term through these two
 * lookups, so they live in one place and are checked against the feature layout once.
 */
final class FieldTables {

    private final int k;
    /** Per field: columns x k, row-major. */
    private final float[][] embeddings;
    /** Per field: one weight per column. */
    private final float[][] linear;

    FieldTables(DeepFmFeatures features, int k, float[][] embeddings, float[][] linear) {
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
        this.k = k;
        this.embeddings = embeddings;
        this.linear = linear;
    }

    /** Adds one column's embedding into {@code e}; returns its first-order weight. */
    float column(Field f, int col, float[] e) {
        float[] table = embeddings[f.ordinal()];
        int base = col * k;
        for (int c = 0; c < k; c++) {
            e[c] += table[base + c];
        }
        return linear[f.ordinal()][col];
    }

    /** Adds the weighted sum of some columns' embeddings into {@code e}; returns their weighted first-order total. */
    float weighted(Field f, int[] cols, float[] w, float[] e) {
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

    float[] embeddings(Field f) {
        return embeddings[f.ordinal()];
    }

    float[] linear(Field f) {
        return linear[f.ordinal()];
    }
}
