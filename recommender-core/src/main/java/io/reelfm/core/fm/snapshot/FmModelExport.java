package io.reelfm.core.fm.snapshot;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@link FmSnapshot} from a trained {@link FmModel} ({@link FmSnapshot#export}). This is
 * where the retrieval decomposition is computed, item by item, from the model's parameters; the
 * snapshot itself only holds the result, so it can equally be decoded from its published form.
 */
final class FmModelExport {

    private FmModelExport() {
    }

    /** See {@link FmSnapshot#export}. */
    static FmSnapshot export(FmModel model, FmEncoder encoder, IdIndex items) {
        int k = model.k();
        FeatureSpace space = encoder.space();
        FeatureSpace kept = new FeatureSpace();
        float[] vBuf = new float[space.size() * k];
        float[] fw = keepFeatures(model, space, kept, vBuf);
        float[] fv = Arrays.copyOf(vBuf, fw.length * k);
        return new FmSnapshot(model.task(), k, model.globalBias(), model.minTarget(), model.maxTarget(),
                model.foldInPrior(), kept, fw, fv, itemRows(model, encoder, items), RankingParams.NONE);
    }

    /**
     * Adds every feature of {@code space} except user ids and item raters to {@code kept}, writes
     * their factors into {@code vOut} at their new columns and returns their weights.
     */
    private static float[] keepFeatures(FmModel model, FeatureSpace space, FeatureSpace kept, float[] vOut) {
        int k = model.k();
        List<Float> w = new ArrayList<>();
        float[] tmp = new float[k];
        for (int j = 0; j < space.size(); j++) {
            if (space.group(j) == FeatureGroup.USER || space.group(j) == FeatureGroup.RATERS) {
                continue;
            }
            int at = kept.indexOf(space.group(j), space.name(j));
            w.add(model.weight(j));
            model.factors(j, tmp);
            System.arraycopy(tmp, 0, vOut, at * k, k);
        }
        float[] fw = new float[w.size()];
        for (int j = 0; j < fw.length; j++) {
            fw[j] = w.get(j);
        }
        return fw;
    }

    /** Each item's b_i, q_i, the posterior variance of q_i and its item-id factor, in dense index order. */
    private static SnapshotItems itemRows(FmModel model, FmEncoder encoder, IdIndex items) {
        int k = model.k();
        FeatureSpace space = encoder.space();
        int n = items.size();
        String[] ids = new String[n];
        float[] bias = new float[n];
        float[] factor = new float[n * k];
        float[] q = new float[n * k];
        float[] qVar = new float[n * k];
        float[] tmp = new float[k];
        for (int i = 0; i < n; i++) {
            ids[i] = items.id(i);
            SparseVector x = encoder.item(ids[i]);
            bias[i] = (float) sideTerms(model, x, q, i * k);
            int idFeature = space.find(FeatureGroup.ITEM, ids[i]);
            float sampled = model.itemSideBias(idFeature);
            if (!Float.isNaN(sampled)) {
                bias[i] = sampled;
            }
            for (int p = 0; p < x.nnz(); p++) {
                double xx = (double) x.values()[p] * x.values()[p];
                for (int f = 0; f < k; f++) {
                    qVar[i * k + f] += (float) (xx * model.factorVariance(x.indices()[p], f));
                }
            }
            model.factors(idFeature, tmp);
            System.arraycopy(tmp, 0, factor, i * k, k);
        }
        return new SnapshotItems(k, ids, bias, factor, q, qVar);
    }

    /**
     * {@code sum w_j x_j + 1/2 (|s|^2 - sum |v_j x_j|^2)} over one side's features, writing
     * {@code s = sum v_j x_j} into {@code sOut[off..off+k)}.
     */
    private static double sideTerms(FmModel model, SparseVector x, float[] sOut, int off) {
        int k = model.k();
        double lin = 0;
        double sq = 0;
        double[] s = new double[k];
        for (int p = 0; p < x.nnz(); p++) {
            int j = x.indices()[p];
            double xv = x.values()[p];
            lin += model.weight(j) * xv;
            for (int f = 0; f < k; f++) {
                double vx = model.factor(j, f) * xv;
                s[f] += vx;
                sq += vx * vx;
            }
        }
        double pair = 0;
        for (int f = 0; f < k; f++) {
            pair += s[f] * s[f];
            sOut[off + f] = (float) s[f];
        }
        return lin + 0.5 * (pair - sq);
    }
}
