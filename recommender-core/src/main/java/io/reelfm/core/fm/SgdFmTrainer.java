package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * Stochastic gradient descent for FMs: one O(k * nnz) update per event, so it runs on an endless
 * stream ({@link Online}) as well as in epochs over a fixed set ({@link #train}). Per-group L2
 * regularisation (regW/regV times the group's {@code regScale}, regBias for w0) and a decaying step
 * size {@code eta_e = learningRate / (1 + decay * e)}. Regression errors are taken against the
 * clipped prediction (as libFM does); classification uses the logistic loss with 0/1 targets.
 * Deterministic for a given seed: epochs visit rows in a seeded permutation.
 */
public final class SgdFmTrainer {

    private final FmConfig cfg;

    public SgdFmTrainer(FmConfig cfg) {
        this.cfg = cfg;
    }

    /** {@code cfg.iterations()} shuffled epochs over {@code data}. */
    public FmModel train(FmData data, FeatureSpace space, FmModel warmStart) {
        int n = FmParams.numFeatures(data, space, warmStart);
        Online online = new Online(cfg, FmParams.init(n, cfg.k(), cfg, warmStart, FmParams.columnCounts(data, n)),
                FmParams.groupsOf(space, n));
        SplittableRandom rnd = new SplittableRandom(cfg.seed());
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < cfg.iterations(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            online.learningRate = cfg.learningRate() / (1.0 + cfg.decay() * epoch);
            for (int r : order) {
                online.updateRow(data, r);
            }
        }
        return online.model(space);
    }

    /** One pass in the given row order (the streaming case: event-time order, each event once). */
    public FmModel trainOnePass(FmData data, FeatureSpace space, FmModel warmStart) {
        int n = FmParams.numFeatures(data, space, warmStart);
        Online online = new Online(cfg, FmParams.init(n, cfg.k(), cfg, warmStart, FmParams.columnCounts(data, n)),
                FmParams.groupsOf(space, n));
        for (int r = 0; r < data.rows(); r++) {
            online.updateRow(data, r);
        }
        return online.model(space);
    }

    /** An online learner over a fixed number of features. Not thread-safe: one consumer thread. */
    public static final class Online {
        private final FmConfig cfg;
        private final FmParams p;
        private final int[] groupOf;
        private final double[] sum;
        private final double[] regW;
        private final double[] regV;
        double learningRate;

        Online(FmConfig cfg, FmParams p, int[] groupOf) {
            this.cfg = cfg;
            this.p = p;
            this.groupOf = groupOf;
            this.sum = new double[p.k];
            this.learningRate = cfg.learningRate();
            FeatureGroup[] groups = FeatureGroup.values();
            this.regW = new double[groups.length];
            this.regV = new double[groups.length];
            for (FeatureGroup g : groups) {
                regW[g.ordinal()] = cfg.regW() * cfg.regScale(g);
                regV[g.ordinal()] = cfg.regV() * cfg.regScale(g);
            }
        }

        /** A fresh online learner for {@code numFeatures} features (or continuing {@code warmStart}). */
        public static Online create(FmConfig cfg, int numFeatures, FeatureSpace space, FmModel warmStart) {
            return new Online(cfg, FmParams.init(numFeatures, cfg.k(), cfg, warmStart, null),
                    FmParams.groupsOf(space, numFeatures));
        }

        void updateRow(FmData d, int r) {
            update(d.colsArray(), d.valsArray(), d.rowStart(r), d.rowEnd(r), d.target(r));
        }

        private void update(int[] cols, float[] vals, int start, int end, double y) {
            int k = p.k;
            double[] w = p.w;
            double[] v = p.v;
            double pred = p.w0;
            double sq = 0;
            java.util.Arrays.fill(sum, 0);
            for (int q = start; q < end; q++) {
                int j = cols[q];
                double x = vals[q];
                pred += w[j] * x;
                int base = j * k;
                for (int f = 0; f < k; f++) {
                    double vx = v[base + f] * x;
                    sum[f] += vx;
                    sq += vx * vx;
                }
            }
            double pair = 0;
            for (int f = 0; f < k; f++) {
                pair += sum[f] * sum[f];
            }
            pred += 0.5 * (pair - sq);
            double g;
            if (cfg.task() == FmTask.REGRESSION) {
                g = Math.max(cfg.minTarget(), Math.min(cfg.maxTarget(), pred)) - y;
            } else {
                g = 1.0 / (1.0 + Math.exp(-pred)) - y;
            }
            double eta = learningRate;
            p.w0 -= eta * (g + cfg.regBias() * p.w0);
            for (int q = start; q < end; q++) {
                int j = cols[q];
                double x = vals[q];
                double rw = regW[groupOf[j]];
                double rv = regV[groupOf[j]];
                w[j] -= eta * (g * x + rw * w[j]);
                int base = j * k;
                for (int f = 0; f < k; f++) {
                    double vjf = v[base + f];
                    v[base + f] = vjf - eta * (g * x * (sum[f] - vjf * x) + rv * vjf);
                }
            }
        }

        /** Learns from one event. Feature indices must be below the learner's feature count. */
        public void update(SparseVector x, float target) {
            for (int j : x.indices()) {
                if (j < 0 || j >= p.n) {
                    throw new IllegalArgumentException("feature index " + j + " outside 0.." + (p.n - 1)
                            + " of this learner");
                }
            }
            update(x.indices(), x.values(), 0, x.nnz(), target);
        }

        /** A snapshot of the parameters so far. */
        public FmModel model(FeatureSpace space) {
            int u = FeatureGroup.USER.ordinal();
            return p.toModel(cfg, space, FoldInPrior.uniform((float) regW[u], (float) regV[u], 0f,
                    new float[cfg.k()], true));
        }
    }
}
