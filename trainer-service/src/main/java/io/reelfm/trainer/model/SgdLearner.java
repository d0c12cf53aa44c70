package io.reelfm.trainer.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Biased matrix factorization (a factorization machine over one-hot user and item features)
 * fitted by stochastic gradient descent. Cheap per event, so it also serves for the online
 * updates applied between full refits ({@link #update}).
 */
public final class SgdLearner implements Learner {

    private final int epochs;
    private final double learningRate;
    private final double lambda;
    private final long seed;

    public SgdLearner(int epochs, double learningRate, double lambda, long seed) {
        if (epochs < 1 || !(learningRate > 0) || lambda < 0) {
            throw new IllegalArgumentException("sgd needs epochs >= 1, learning rate > 0, lambda >= 0; got "
                    + epochs + ", " + learningRate + ", " + lambda);
        }
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.lambda = lambda;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public double userLambda() {
        return lambda;
    }

    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("epochs", String.valueOf(epochs));
        h.put("learningRate", String.valueOf(learningRate));
        h.put("lambda", String.valueOf(lambda));
        h.put("seed", String.valueOf(seed));
        return h;
    }

    @Override
    public void fit(TrainingSet data, FactorParams p) {
        p.ensureSize(data.userCount(), data.itemCount());
        p.mu = data.mean();
        int n = data.size();
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Random rnd = new Random(seed);
        for (int e = 0; e < epochs; e++) {
            for (int j = n - 1; j > 0; j--) {
                int s = rnd.nextInt(j + 1);
                int t = order[j];
                order[j] = order[s];
                order[s] = t;
            }
            double lr = learningRate / (1 + 0.1 * e);
            for (int j : order) {
                step(p, data.user(j), data.item(j), data.rating(j), lr);
            }
        }
    }

    /** A few passes over newly arrived ratings only, moving the model toward them. */
    public void update(TrainingSet fresh, FactorParams p, int passes) {
        p.ensureSize(fresh.userCount(), fresh.itemCount());
        for (int e = 0; e < passes; e++) {
            for (int j = 0; j < fresh.size(); j++) {
                step(p, fresh.user(j), fresh.item(j), fresh.rating(j), learningRate);
            }
        }
    }

    private void step(FactorParams p, int u, int i, float r, double lr) {
        int k = p.k();
        double err = r - p.predict(u, i);
        if (!Double.isFinite(err)) {
            return;
        }
        p.userBias[u] += (float) (lr * (err - lambda * p.userBias[u]));
        p.itemBias[i] += (float) (lr * (err - lambda * p.itemBias[i]));
        int bu = u * k;
        int bi = i * k;
        for (int f = 0; f < k; f++) {
            float pu = p.userFactors[bu + f];
            float qi = p.itemFactors[bi + f];
            p.userFactors[bu + f] += (float) (lr * (err * qi - lambda * pu));
            p.itemFactors[bi + f] += (float) (lr * (err * pu - lambda * qi));
        }
    }
}
