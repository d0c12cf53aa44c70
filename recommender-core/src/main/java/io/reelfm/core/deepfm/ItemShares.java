package io.reelfm.core.deepfm;

import java.util.Arrays;

/**
 * Each item's fixed share of its score in a {@link DeepFmNet}: what its own fields (ITEM, GENRES
 * and DECADE) contribute whoever the user is. Computed once when the network is loaded so that
 * scoring a candidate only adds the retrieval field and runs the layers above the first. Row
 * {@code features.items()} stands for an item the network does not know.
 */
final class ItemShares {

    private static final Field[] ITEM_FIELDS = {Field.ITEM, Field.GENRES, Field.DECADE};

    private final int k;
    private final int width;
    /** Per row: embedding sum (k), sum of squares, first-order total and first-layer contribution. */
    private final float[] sum;
    private final float[] squares;
    private final float[] linear;
    private final float[] hidden;

    ItemShares(DeepFmFeatures features, int k, FieldTables tables, DenseLayers layers) {
        int n = features.items();
        int h = layers.firstWidth();
        this.k = k;
        this.width = h;
        sum = new float[(n + 1) * k];
        squares = new float[n + 1];
        linear = new float[n + 1];
        hidden = new float[(n + 1) * h];
        float[] e = new float[k];
        float[] first = new float[h];
        for (int row = 0; row <= n; row++) {
            int r = row == n ? -1 : row;
            Arrays.fill(first, 0f);
            for (Field f : ITEM_FIELDS) {
                Arrays.fill(e, 0f);
                linear[row] += itemField(features, tables, f, r, e);
                for (int c = 0; c < k; c++) {
                    sum[row * k + c] += e[c];
                    squares[row] += e[c] * e[c];
                }
                layers.addField(f, e, first, 0);
            }
            System.arraycopy(first, 0, hidden, row * h, h);
        }
    }

    /** Embedding (into {@code e}) and first-order term of one of an item's own fields; row -1 is unknown. */
    private static float itemField(DeepFmFeatures features, FieldTables tables, Field f, int row, float[] e) {
        return switch (f) {
            case ITEM -> tables.column(f, features.itemColumn(row), e);
            case GENRES -> {
                if (row < 0) {
                    yield 0f;
                }
                int[] g = features.genres(row);
                float[] w = new float[g.length];
                Arrays.fill(w, g.length == 0 ? 0f : 1f / g.length);
                yield tables.weighted(f, g, w, e);
            }
            case DECADE -> tables.column(f, row < 0 ? 0 : features.decade(row), e);
            default -> throw new IllegalStateException(f + " is not an item field");
        };
    }

    /** Component c of a row's embedding sum. */
    float sum(int row, int c) {
        return sum[row * k + c];
    }

    float squares(int row) {
        return squares[row];
    }

    float linear(int row) {
        return linear[row];
    }

    /** Output o of a row's contribution to the first layer. */
    float hidden(int row, int o) {
        return hidden[row * width + o];
    }
}
