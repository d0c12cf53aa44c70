package io.reelfm.core.fm;

/**
 * Alternating least squares / coordinate descent for FMs (libFM's ALS): every parameter in turn
 * is set to the minimiser of the regularised squared error with all others fixed, a closed form
 * (see {@link CoordinateLearner}). No learning rate to tune, deterministic given the seed of the
 * initial factors; regression only (use SGD or MCMC for classification).
 */
public final class AlsFmTrainer {

    private final FmConfig cfg;

    public AlsFmTrainer(FmConfig cfg) {
        if (cfg.task() != FmTask.REGRESSION) {
            throw new IllegalArgumentException("task: ALS supports REGRESSION only, got " + cfg.task());
        }
        this.cfg = cfg;
    }

    public FmModel train(FmData data, FeatureSpace space, FmModel warmStart) {
        int n = FmParams.numFeatures(data, space, warmStart);
        FmParams p = FmParams.init(n, cfg.k(), cfg, warmStart, FmParams.columnCounts(data, n));
        int[] groupOf = FmParams.groupsOf(space, n);
        int groups = FeatureGroup.values().length;
        double[] mu = new double[groups];
        double[] lw = new double[groups];
        double[] lv = new double[groups];
        for (FeatureGroup g : FeatureGroup.values()) {
            lw[g.ordinal()] = cfg.regW() * cfg.regScale(g);
            lv[g.ordinal()] = cfg.regV() * cfg.regScale(g);
        }
        CoordinateLearner c = new CoordinateLearner(data, p, groupOf);
        double[] scratch = new double[c.maxColumn()];
        for (int it = 0; it < cfg.iterations(); it++) {
            c.refresh();
            c.updateBias(1.0, cfg.regBias(), null);
            c.updateWeights(1.0, groupOf, mu, lw, null);
            for (int f = 0; f < cfg.k(); f++) {
                c.updateFactor(f, 1.0, groupOf, mu, lv, null, scratch);
            }
        }
        double userScale = cfg.regScale(FeatureGroup.USER);
        return p.toModel(cfg, space, FoldInPrior.ridge((float) (cfg.regW() * userScale),
                (float) (cfg.regV() * userScale), cfg.k()));
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
