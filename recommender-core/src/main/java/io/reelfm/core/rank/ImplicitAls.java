package io.reelfm.core.rank;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Implicit alternating least squares (Hu, Koren & Volinsky 2008) in the formulation of Rendle et
 * al. 2021 ({@link ImplicitPrior}): every unobserved user-item cell is a weak negative, handled
 * through the other side's k x k Gramian so a sweep costs O(|interactions| k + rows k^2), never
 * O(users x items).
 *
 * <p>Each sweep updates all user rows, then all item rows ({@link RowSweep}), each row by a few
 * conjugate-gradient steps warm-started from its previous value (the rows are independent, so
 * they run in parallel). A last exact pass ({@link ImplicitFoldIn}) solves the users against the final item
 * vectors: their stored vectors are then exactly what a fold-in of the same interactions gives,
 * which is how serving treats every user.
 */
public final class ImplicitAls {

    /** Observes the model after each sweep (1-based), e.g. for a progress bar. */
    @FunctionalInterface
    public interface SweepListener {
        SweepListener NONE = sweep -> { };

        void sweepDone(int sweep);
    }

    private final ImplicitAlsConfig config;

    public ImplicitAls(ImplicitAlsConfig config) {
        this.config = config;
    }

    public ImplicitAlsConfig config() {
        return config;
    }

    public ImplicitAlsModel train(Interactions data) {
        return train(data, SweepListener.NONE);
    }

    public ImplicitAlsModel train(Interactions data, SweepListener listener) {
        return train(data, listener, null);
    }

    /**
     * @param exactUsers the users whose vectors get the last exact pass (null: every user). Others keep
     *                   their last sweep's vectors, good enough to rank with but not bit-equal to a
     *                   fold-in. The trainer needs only the item vectors (serving folds every user in),
     *                   the tuner only its validation users: at 25M ratings the exact pass over every
     *                   user costs more than all the sweeps together.
     */
    public ImplicitAlsModel train(Interactions data, SweepListener listener, IntPredicate exactUsers) {
        int k = config.factors();
        int users = data.users();
        int items = data.items();
        float[][] init = initialFactors(config, users, items);
        float[] u = init[0];
        float[] v = init[1];
        Interactions.Side byUser = data.side(true);
        Interactions.Side byItem = data.side(false);
        for (int sweep = 1; sweep <= config.iterations(); sweep++) {
            RowSweep.update(byUser, u, v, items, k, config.prior(), config.cgSteps(), null);
            RowSweep.update(byItem, v, u, users, k, config.prior(), config.cgSteps(), null);
            listener.sweepDone(sweep);
        }
        double[] itemGram = ImplicitFoldIn.gram(v, items, k);
        exactUserPass(byUser, u, v, items, k, config.prior(), itemGram, exactUsers, null);
        return new ImplicitAlsModel(config, u, v, users, items, itemGram);
    }

    /** {users, items} vectors drawn from N(0, 0.01 / k), items first, from the config's seed. */
    static float[][] initialFactors(ImplicitAlsConfig config, int users, int items) {
        int k = config.factors();
        Random random = new Random(config.seed());
        double scale = 0.1 / Math.sqrt(k);
        float[] u = new float[users * k];
        float[] v = new float[items * k];
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (random.nextGaussian() * scale);
        }
        for (int j = 0; j < u.length; j++) {
            u[j] = (float) (random.nextGaussian() * scale);
        }
        return new float[][] {u, v};
    }

    /**
     * Solves the selected users exactly against the final items, as a fold-in would.
     *
     * @param mean per-user prior means (row-major), or null for the origin
     */
    static void exactUserPass(Interactions.Side byUser, float[] u, float[] v, int items, int k, ImplicitPrior prior,
                              double[] itemGram, IntPredicate exactUsers, float[] mean) {
        IntStream.range(0, byUser.rows()).parallel().filter(row -> exactUsers == null || exactUsers.test(row)).forEach(row -> {
            int from = byUser.start()[row];
            int to = byUser.start()[row + 1];
            float[] m = mean == null ? null : Arrays.copyOfRange(mean, row * k, row * k + k);
            float[] x = ImplicitFoldIn.solve(v, k, itemGram, Arrays.copyOfRange(byUser.columns(), from, to),
                    Arrays.copyOfRange(byUser.weights(), from, to), prior, items, m);
            System.arraycopy(x, 0, u, row * k, k);
        });
    }
}
