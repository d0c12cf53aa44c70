package io.reelfm.core.fm;

import java.util.Arrays;

/**
 * Sample average of each item's side constant {@code b_i = sum_I w_j x_j + 1/2 (|q_i|^2 -
 * sum_I |v_j x_j|^2)} over an MCMC chain (see {@link FmModel#withItemSideBias}). The item-side
 * features of an item are read from the first training row that holds its id, so they are
 * exactly what training saw.
 */
final class ItemSideConstants {

    private final int n;
    private final int[] itemFeature;
    private final int[] ptr;
    private final int[] cols;
    private final float[] vals;
    private final double[] sum;
    private int samples;

    ItemSideConstants(FmData data, int[] groupOf, int n) {
        this.n = n;
        FeatureGroup[] groups = FeatureGroup.values();
        int item = FeatureGroup.ITEM.ordinal();
        boolean[] seen = new boolean[n];
        int[] ids = new int[16];
        int[] p = new int[17];
        int[] c = new int[256];
        float[] v = new float[256];
        int items = 0;
        int nnz = 0;
        for (int r = 0; r < data.rows(); r++) {
            int id = -1;
            for (int pos = data.rowStart(r); pos < data.rowEnd(r); pos++) {
                int j = data.col(pos);
                if (j < groupOf.length && groupOf[j] == item) {
                    id = j;
                }
            }
            if (id < 0 || seen[id]) {
                continue;
            }
            seen[id] = true;
            if (items == ids.length) {
                ids = Arrays.copyOf(ids, items * 2);
                p = Arrays.copyOf(p, items * 2 + 1);
            }
            for (int pos = data.rowStart(r); pos < data.rowEnd(r); pos++) {
                int j = data.col(pos);
                if (j < groupOf.length && groups[groupOf[j]].side() == FeatureGroup.Side.ITEM) {
                    if (nnz == c.length) {
                        c = Arrays.copyOf(c, c.length * 2);
                        v = Arrays.copyOf(v, v.length * 2);
                    }
                    c[nnz] = j;
                    v[nnz++] = data.val(pos);
                }
            }
            ids[items++] = id;
            p[items] = nnz;
        }
        this.itemFeature = Arrays.copyOf(ids, items);
        this.ptr = Arrays.copyOf(p, items + 1);
        this.cols = Arrays.copyOf(c, nnz);
        this.vals = Arrays.copyOf(v, nnz);
        this.sum = new double[items];
    }

    void add(FmParams p) {
        int k = p.k;
        double[] s = new double[k];
        for (int i = 0; i < itemFeature.length; i++) {
            Arrays.fill(s, 0);
            double lin = 0;
            double sq = 0;
            for (int pos = ptr[i]; pos < ptr[i + 1]; pos++) {
                int j = cols[pos];
                double x = vals[pos];
                lin += p.w[j] * x;
                int base = j * k;
                for (int f = 0; f < k; f++) {
                    double vx = p.v[base + f] * x;
                    s[f] += vx;
                    sq += vx * vx;
                }
            }
            double pair = 0;
            for (int f = 0; f < k; f++) {
                pair += s[f] * s[f];
            }
            sum[i] += lin + 0.5 * (pair - sq);
        }
        samples++;
    }

    /** Per feature: the average at item-id features, NaN elsewhere. */
    float[] means() {
        float[] out = new float[n];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < itemFeature.length; i++) {
            out[itemFeature[i]] = (float) (sum[i] / samples);
        }
        return out;
    }
}
