package io.reelfm.trainer.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmModelTrainer;

/**
 * Runs one of recommender-core's factorization-machine learners (MCMC by default) over user and
 * item id features and copies the result into {@link FactorParams}, so it is gated and
 * published like the trainer's own learners. Keeps the previous {@link FmModel} and passes it as
 * the warm start of the next fit: dictionary indices never change, so feature names stay stable.
 *
 * <p>The published {@code RFM1} format carries one zero-mean fold-in ridge. It is estimated from
 * the fitted model as noise variance over the variance of the user terms (what a Gaussian prior
 * on user terms amounts to), rather than read from the core model's fold-in prior, whose shape is
 * still changing. The gate measures the model through exactly this fold-in, which is also what
 * serving uses.
 */
public final class CoreFmLearner implements Learner {

    private final FmConfig config;
    private FmModel last;
    private double lambda;

    public CoreFmLearner(FmConfig config) {
        this.config = config;
        this.lambda = config.regV();
    }

    @Override
    public String name() {
        return config.learner().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public double userLambda() {
        return lambda;
    }

    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("iterations", String.valueOf(config.iterations()));
        h.put("seed", String.valueOf(config.seed()));
        h.put("foldInLambda", String.valueOf(lambda));
        return h;
    }

    @Override
    public void fit(TrainingSet data, FactorParams p) {
        if (p.k() != config.k()) {
            throw new IllegalArgumentException("factors " + p.k() + " differ from the core learner's k " + config.k());
        }
        FeatureSpace space = last == null ? new FeatureSpace() : last.space().copy();
        int[] userFeature = new int[data.userCount()];
        int[] itemFeature = new int[data.itemCount()];
        for (int u = 0; u < userFeature.length; u++) {
            userFeature[u] = space.indexOf(FeatureGroup.USER, "u" + u);
        }
        for (int i = 0; i < itemFeature.length; i++) {
            itemFeature[i] = space.indexOf(FeatureGroup.ITEM, "i" + i);
        }
        FmData.Builder rows = new FmData.Builder();
        int[] idx = new int[2];
        float[] ones = {1f, 1f};
        for (int j = 0; j < data.size(); j++) {
            idx[0] = userFeature[data.user(j)];
            idx[1] = itemFeature[data.item(j)];
            rows.add(idx, ones, 2, data.rating(j));
        }
        FmModel model = FmModelTrainer.train(config, rows.build(), space, last);
        last = model;
        p.ensureSize(data.userCount(), data.itemCount());
        p.mu = model.globalBias();
        int k = p.k();
        for (int u = 0; u < userFeature.length; u++) {
            p.userBias[u] = model.weight(userFeature[u]);
            for (int f = 0; f < k; f++) {
                p.userFactors[u * k + f] = model.factor(userFeature[u], f);
            }
        }
        for (int i = 0; i < itemFeature.length; i++) {
            p.itemBias[i] = model.weight(itemFeature[i]);
            for (int f = 0; f < k; f++) {
                p.itemFactors[i * k + f] = model.factor(itemFeature[i], f);
            }
        }
        lambda = empiricalRidge(data, p);
    }

    /**
     * The ridge a Gaussian prior on user terms amounts to: noise variance over the variance of the
     * learned user terms (biases and factors), both measured on the fitted model.
     */
    private static double empiricalRidge(TrainingSet data, FactorParams p) {
        double se = 0;
        for (int j = 0; j < data.size(); j++) {
            double e = data.rating(j) - p.predict(data.user(j), data.item(j));
            se += e * e;
        }
        double noise = data.size() == 0 ? 1 : se / data.size();
        int k = p.k();
        double sq = 0;
        long n = 0;
        for (int u = 0; u < data.userCount(); u++) {
            sq += (double) p.userBias[u] * p.userBias[u];
            for (int f = 0; f < k; f++) {
                sq += (double) p.userFactors[u * k + f] * p.userFactors[u * k + f];
            }
            n += k + 1;
        }
        double spread = n == 0 ? 1 : sq / n;
        return Math.max(1e-3, noise / Math.max(1e-6, spread));
    }
}
