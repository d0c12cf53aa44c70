package io.reelfm.trainer.model;

import java.util.Map;

import io.reelfm.schemas.snapshot.FactorSnapshot;

/**
 * Scores a user from item-side parameters alone, the way serving does: the user's bias and
 * factor vector are the ridge-regression solution that best explains their known ratings given
 * the items' biases and factors (one (k+1)×(k+1) solve per user). Evaluating candidates through
 * this predictor measures exactly what serving will deliver, not the learner's training-time
 * user vectors. Thread-safe.
 */
public final class FoldInPredictor {

    private final FactorSnapshot model;
    private final Map<String, Integer> index;

    public FoldInPredictor(FactorSnapshot model) {
        this.model = model;
        this.index = model.itemIndex();
    }

    public FactorSnapshot model() {
        return model;
    }

    /** Row of an item id in the snapshot, or -1 when the model does not know the item. */
    public int itemRow(String itemId) {
        Integer i = index.get(itemId);
        return i == null ? -1 : i;
    }

    /**
     * Folds a user in from their ratings.
     *
     * @param rows    snapshot rows of the rated items; -1 entries (unknown items) are ignored
     * @param ratings the ratings, parallel to {@code rows}
     * @return {@code [userBias, factor_0 .. factor_{k-1}]}
     */
    public double[] foldIn(int[] rows, float[] ratings, int count) {
        int k = model.k();
        int d = k + 1;
        double[] a = new double[d * d];
        double[] b = new double[d];
        double[] x = new double[d];
        float[] q = model.itemFactors();
        for (int n = 0; n < count; n++) {
            int i = rows[n];
            if (i < 0) {
                continue;
            }
            x[0] = 1;
            for (int f = 0; f < k; f++) {
                x[f + 1] = q[i * k + f];
            }
            double target = ratings[n] - model.globalBias() - model.itemBias()[i];
            for (int r = 0; r < d; r++) {
                b[r] += x[r] * target;
                for (int c = 0; c <= r; c++) {
                    a[r * d + c] += x[r] * x[c];
                }
            }
        }
        double lambda = Math.max(1e-6, model.foldInLambda());
        for (int r = 0; r < d; r++) {
            a[r * d + r] += lambda;
            for (int c = r + 1; c < d; c++) {
                a[r * d + c] = a[c * d + r];
            }
        }
        return Cholesky.solve(a, b, d);
    }

    /** Predicted rating of a snapshot row for a folded-in user; row -1 means an unknown item. */
    public double predict(double[] user, int row) {
        int k = model.k();
        double s = model.globalBias() + user[0];
        if (row < 0) {
            return s;
        }
        s += model.itemBias()[row];
        float[] q = model.itemFactors();
        int base = row * k;
        for (int f = 0; f < k; f++) {
            s += user[f + 1] * q[base + f];
        }
        return s;
    }
}
