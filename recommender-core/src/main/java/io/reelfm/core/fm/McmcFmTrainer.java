package io.reelfm.core.fm;

import java.util.SplittableRandom;

/**
 * Bayesian FM by Gibbs sampling (Freudenthaler, Schmidt-Thieme and Rendle 2011; libFM's default
 * "MCMC" method). Every parameter has a Gaussian prior whose mean and precision are themselves
 * sampled per hyperprior group ({@link FeatureGroup#priorGroup}) and per factor under Normal-Gamma
 * hyperpriors, and the noise
 * precision under a Gamma prior, so there is no regularisation to tune: the accuracy of
 * libFM's MCMC with no grid search comes from this. Predictions average over all samples.
 *
 * <p>Hyperpriors as in libFM: alpha_0 = beta_0 = 1 for the noise, alpha_lambda = beta_lambda = 1,
 * mu_0 = 0, gamma_0 = 1 for the parameter priors. Classification uses the probit link with latent
 * truncated-normal targets (noise precision fixed at 1).
 *
 * <p>The returned {@link FmModel} holds the posterior mean of the parameters over the last three
 * quarters of the chain, with each item's side constant averaged over the same samples (what an
 * item-side snapshot exports; averaging more samples makes the
 * exported item side a better stand-in for the sample average: on MovieLens u1, k=32, the served
 * RMSE was 0.9071 from the second half and 0.9032 from the last three quarters), with a {@link FoldInPrior} estimated from
 * the trained users' posterior means ({@link UserPopulationPrior}; the sampled user-group
 * hyperprior for classification); {@link Result#predictions} holds the sample-averaged predictions on the
 * rows passed as {@code predictOn} (their targets are never read).
 */
public final class McmcFmTrainer {

    private static final int GROUPS = FeatureGroup.values().length;
    /** Residuals are updated incrementally; a full recompute this often bounds rounding drift. */
    private static final int REFRESH_EVERY = 10;

    private final FmConfig cfg;

    public McmcFmTrainer(FmConfig cfg) {
        this.cfg = cfg;
    }

    /** What a chain yields. */
    public record Result(FmModel posteriorMean, FmModel lastSample, float[] predictions) {
    }

    /** Receives the sample-averaged predictions after each sample (1-based). */
    @FunctionalInterface
    public interface SampleListener {
        void onSample(int sample, float[] averagedPredictions);
    }

    public FmModel train(FmData data, FeatureSpace space, FmModel warmStart) {
        return run(data, space, warmStart, null, null).posteriorMean();
    }

    public Result run(FmData data, FeatureSpace space, FmModel warmStart, FmData predictOn, SampleListener listener) {
        int n = FmParams.numFeatures(data, space, warmStart);
        if (predictOn != null) {
            n = Math.max(n, predictOn.maxFeature());
        }
        int k = cfg.k();
        FmParams p = FmParams.init(n, k, cfg, warmStart, FmParams.columnCounts(data, n));
        int[] groupOf = FmParams.groupsOf(space, n);
        boolean probit = cfg.task() == FmTask.CLASSIFICATION;
        CoordinateLearner c = new CoordinateLearner(data, p, groupOf);
        int[] priorOf = priorGroups(groupOf);
        if (probit) {
            for (int i = 0; i < c.targets.length; i++) {
                c.targets[i] = c.targets[i] > 0.5f ? 1f : -1f;
            }
        }
        boolean[] positive = new boolean[data.rows()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = data.target(i) > 0.5f;
        }
        SplittableRandom rnd = new SplittableRandom(cfg.seed());
        double[] scratch = new double[c.maxColumn()];
        double[] muW = new double[GROUPS];
        double[] lambdaW = AlsFmTrainer.filled(GROUPS, 1.0);
        double[][] muV = new double[k][GROUPS];
        double[][] lambdaV = new double[k][GROUPS];
        for (double[] l : lambdaV) {
            java.util.Arrays.fill(l, 1.0);
        }
        double alpha = 1.0;

        FmParams mean = new FmParams(n, k);
        double[] vSq = new double[n * k];
        double[] wSq = new double[n];
        double priorW = 0;
        double priorLw = 0;
        double[] priorLv = new double[k];
        double[] priorMuV = new double[k];
        int meanSamples = 0;
        int meanFrom = cfg.iterations() / 4;

        double[] predSum = predictOn == null ? null : new double[predictOn.rows()];
        float[] predAvg = predictOn == null ? null : new float[predictOn.rows()];

        BlockedPredictor blockedPredictor = predictOn == null ? null : new BlockedPredictor(c, predictOn, groupOf, k);
        double[] raw = predictOn == null ? null : new double[predictOn.rows()];
        ItemSideConstants itemConstants = probit ? null : new ItemSideConstants(data, groupOf, n);
        for (int it = 0; it < cfg.iterations(); it++) {
            if (it % REFRESH_EVERY == 0) {
                c.refresh();
            }
            if (probit) {
                for (int i = 0; i < c.e.length; i++) {
                    double yhat = c.targets[i] - c.e[i];
                    double z = Gamma.truncatedNormal(yhat, positive[i], rnd);
                    c.targets[i] = (float) z;
                    c.e[i] = z - yhat;
                }
            } else {
                alpha = Gamma.sample((1.0 + data.rows()) / 2.0, (1.0 + c.sumSquaredResiduals()) / 2.0, rnd);
            }
            c.updateBias(alpha, 0.0, rnd);
            sampleHyper(p.w, 1, 0, priorOf, c, muW, lambdaW, rnd);
            c.updateWeights(alpha, priorOf, muW, lambdaW, rnd);
            for (int f = 0; f < k; f++) {
                sampleHyper(p.v, k, f, priorOf, c, muV[f], lambdaV[f], rnd);
            }
            for (int f = 0; f < k; f++) {
                c.updateFactor(f, alpha, priorOf, muV[f], lambdaV[f], rnd, scratch);
            }
            if (it >= meanFrom) {
                mean.w0 += p.w0;
                for (int j = 0; j < n; j++) {
                    mean.w[j] += p.w[j];
                    wSq[j] += p.w[j] * p.w[j];
                }
                for (int i = 0; i < p.v.length; i++) {
                    mean.v[i] += p.v[i];
                    vSq[i] += p.v[i] * p.v[i];
                }
                int u = FeatureGroup.USER.ordinal();
                priorW += muW[u];
                priorLw += lambdaW[u] / alpha;
                for (int f = 0; f < k; f++) {
                    priorLv[f] += lambdaV[f][u] / alpha;
                    priorMuV[f] += muV[f][u];
                }
                meanSamples++;
                if (itemConstants != null) {
                    itemConstants.add(p);
                }
            }
            if (predictOn != null) {
                blockedPredictor.predict(p, raw);
                for (int r = 0; r < predSum.length; r++) {
                    double y = raw[r];
                    predSum[r] += probit ? probitProbability(y)
                            : Math.max(cfg.minTarget(), Math.min(cfg.maxTarget(), y));
                    predAvg[r] = (float) (predSum[r] / (it + 1));
                }
                if (listener != null) {
                    listener.onSample(it + 1, predAvg.clone());
                }
            }
        }
        double s = meanSamples;
        mean.w0 /= s;
        double[] wVariance = new double[n];
        for (int j = 0; j < n; j++) {
            mean.w[j] /= s;
            wVariance[j] = Math.max(0, wSq[j] / s - mean.w[j] * mean.w[j]);
        }
        float[] variance = new float[mean.v.length];
        for (int i = 0; i < mean.v.length; i++) {
            mean.v[i] /= s;
            variance[i] = (float) Math.max(0, vSq[i] / s - mean.v[i] * mean.v[i]);
        }
        float[] mv = new float[k];
        float[] lv = new float[k];
        for (int f = 0; f < k; f++) {
            mv[f] = (float) (priorMuV[f] / s);
            lv[f] = (float) (priorLv[f] / s);
        }
        FoldInPrior hyper = new FoldInPrior((float) (priorLw / s), lv, (float) (priorW / s), mv, false);
        FoldInPrior prior = probit ? hyper : UserPopulationPrior.estimate(mean, wVariance, variance, trainedUsers(groupOf, c), data,
                c.targets, hyper);
        FmModel meanModel = mean.toModel(cfg, space, prior, variance);
        if (itemConstants != null) {
            meanModel = meanModel.withItemSideBias(itemConstants.means());
        }
        return new Result(meanModel, p.toModel(cfg, space, hyper), predAvg);
    }

    /** Each feature's hyperprior group ({@link FeatureGroup#priorGroup}), indexed like {@code groupOf}. */
    private static int[] priorGroups(int[] groupOf) {
        FeatureGroup[] all = FeatureGroup.values();
        int[] out = new int[groupOf.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = all[groupOf[j]].priorGroup().ordinal();
        }
        return out;
    }

    private static boolean[] trainedUsers(int[] groupOf, CoordinateLearner c) {
        boolean[] out = new boolean[groupOf.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = groupOf[j] == FeatureGroup.USER.ordinal() && c.hasData(j);
        }
        return out;
    }

    /**
     * Draws (mu, lambda) of one group from its Normal-Gamma conditional, over the features of that
     * group that have data (a feature with no rows carries no evidence).
     */
    private static void sampleHyper(double[] params, int stride, int offset, int[] groupOf, CoordinateLearner c,
                                    double[] mu, double[] lambda, SplittableRandom rnd) {
        double[] sum = new double[GROUPS];
        int[] count = new int[GROUPS];
        int n = groupOf.length;
        for (int j = 0; j < n; j++) {
            if (c.hasData(j)) {
                sum[groupOf[j]] += params[j * stride + offset];
                count[groupOf[j]]++;
            }
        }
        double[] sq = new double[GROUPS];
        for (int j = 0; j < n; j++) {
            if (c.hasData(j)) {
                double d = params[j * stride + offset] - mu[groupOf[j]];
                sq[groupOf[j]] += d * d;
            }
        }
        for (int g = 0; g < GROUPS; g++) {
            if (count[g] == 0) {
                continue;
            }
            double shape = (1.0 + count[g] + 1.0) / 2.0;
            double rate = (1.0 + mu[g] * mu[g] + sq[g]) / 2.0;
            lambda[g] = Gamma.sample(shape, rate, rnd);
            double m = sum[g] / (count[g] + 1.0);
            mu[g] = m + rnd.nextGaussian() / Math.sqrt((count[g] + 1.0) * lambda[g]);
        }
    }

    static double predictRaw(FmParams p, FmData d, int r, double[] acc) {
        int k = p.k;
        double s = p.w0;
        double sq = 0;
        double pair = 0;
        java.util.Arrays.fill(acc, 0);
        for (int pos = d.rowStart(r); pos < d.rowEnd(r); pos++) {
            int j = d.col(pos);
            if (j >= p.n) {
                continue;
            }
            double x = d.val(pos);
            s += p.w[j] * x;
            int base = j * k;
            for (int f = 0; f < k; f++) {
                double vx = p.v[base + f] * x;
                acc[f] += vx;
                sq += vx * vx;
            }
        }
        for (int f = 0; f < k; f++) {
            pair += acc[f] * acc[f];
        }
        return s + 0.5 * (pair - sq);
    }

    /** Phi(y) by the logistic approximation 1/(1+exp(-1.702 y)), within 0.01 everywhere. */
    static double probitProbability(double y) {
        return 1.0 / (1.0 + Math.exp(-1.702 * y));
    }
}
