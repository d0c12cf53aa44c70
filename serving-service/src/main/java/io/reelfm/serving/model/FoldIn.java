package io.reelfm.serving.model;

import java.util.List;

import io.reelfm.serving.topology.UserHistory;

/**
 * Derives a user's bias and factor vector from their ratings and a model's fixed item side:
 * the ridge-regression solution of {@code r_ui - mu - b_i ~ b_u + <p_u, q_i>} with the
 * regularisation the trainer used, one (k+1)x(k+1) Cholesky solve. This is how serving
 * personalises for users the model never saw and reflects a new rating at once, without
 * waiting for a retrain.
 */
public final class FoldIn {

    private FoldIn() {
    }

    /** @return {@code [b_u, p_0..p_{k-1}]}; all zeros when no rated item is known to the model */
    public static double[] userVector(FactorModel model, List<UserHistory.Entry> ratings) {
        int k = model.k();
        int d = k + 1;
        double[] a = new double[d * d];
        double[] b = new double[d];
        double[] x = new double[d];
        for (UserHistory.Entry e : ratings) {
            int row = model.row(e.itemId());
            if (row < 0) {
                continue;
            }
            x[0] = 1;
            for (int f = 0; f < k; f++) {
                x[f + 1] = model.factor(row, f);
            }
            double target = e.rating() - model.globalBias() - model.itemBias(row);
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
        return solve(a, b, d);
    }

    /** Solves {@code A x = b} for symmetric positive-definite {@code A} (row-major, overwritten). */
    static double[] solve(double[] a, double[] b, int d) {
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int p = 0; p < j; p++) {
                s -= a[j * d + p] * a[j * d + p];
            }
            if (s <= 0) {
                throw new IllegalStateException("fold-in system is not positive definite");
            }
            double l = Math.sqrt(s);
            a[j * d + j] = l;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int p = 0; p < j; p++) {
                    t -= a[i * d + p] * a[j * d + p];
                }
                a[i * d + j] = t / l;
            }
        }
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double t = b[i];
            for (int p = 0; p < i; p++) {
                t -= a[i * d + p] * y[p];
            }
            y[i] = t / a[i * d + i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double t = y[i];
            for (int p = i + 1; p < d; p++) {
                t -= a[p * d + i] * x[p];
            }
            x[i] = t / a[i * d + i];
        }
        return x;
    }
}
