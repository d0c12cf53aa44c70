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
        ProbitTargets latent = probit ? new ProbitTargets(data, c) : null;
        NormalGammaHyperpriors hyper = new NormalGammaHyperpriors(k);
        GibbsSweep sweep = new GibbsSweep(c, p, priorGroups(groupOf), hyper, latent, data.rows(),
                new SplittableRandom(cfg.seed()));
        PosteriorMean mean = new PosteriorMean(n, k, probit ? null : new ItemSideConstants(data, groupOf, n));
        PredictionAverage averaged = predictOn == null ? null : new PredictionAverage(c, predictOn, groupOf, cfg);
        int meanFrom = cfg.iterations() / 4;
        for (int it = 0; it < cfg.iterations(); it++) {
            sweep.run(it);
            if (it >= meanFrom) {
                mean.add(p, hyper);
            }
            if (averaged != null) {
                averaged.add(p, it + 1);
                if (listener != null) {
                    listener.onSample(it + 1, averaged.averages().clone());
                }
            }
        }
        FoldInPrior hyperPrior = mean.finish();
        FoldInPrior prior = probit ? hyperPrior
                : mean.userPopulationPrior(trainedUsers(groupOf, c), data, c.targets, hyperPrior);
        return new Result(mean.model(cfg, space, prior), p.toModel(cfg, space, hyperPrior),
                averaged == null ? null : averaged.averages());
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
}
