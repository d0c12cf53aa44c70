package io.reelfm.core.rank;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;

/** A trained {@link Ease} matrix with the training interactions it scores known users from. Immutable. */
public final class EaseModel implements RatingPredictor, HistoryScorer {

    private final Interactions train;
    private final float[] b;
    private final int n;

    EaseModel(Interactions train, float[] b, int n) {
        this.train = train;
        this.b = b;
        this.n = n;
    }

    /** B[from][to]: how much having item {@code from} raises item {@code to}'s score. */
    public float weight(int from, int to) {
        return b[from * n + to];
    }

    @Override
    public float predict(int user, int item) {
        if (user < 0 || user >= train.users() || item < 0 || item >= n) {
            return 0f;
        }
        float s = 0;
        for (int j : train.itemsOf(user)) {
            s += b[j * n + item];
        }
        return s;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        java.util.Arrays.fill(out, 0f);
        if (user >= 0 && user < train.users()) {
            accumulate(train.itemsOf(user), out);
        }
    }

    @Override
    public void scoreHistory(int[] items, float[] values, float[] out) {
        java.util.Arrays.fill(out, 0f);
        accumulate(items, out);
    }

    private void accumulate(int[] items, float[] out) {
        for (int j : items) {
            if (j < 0 || j >= n) {
                continue;
            }
            int base = j * n;
            for (int i = 0; i < n; i++) {
                out[i] += b[base + i];
            }
        }
    }
}
