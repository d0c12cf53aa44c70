package io.reelfm.core.fm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks the hand-written SGD kernel against finite differences of the loss: with no
 * regularisation, one step of size eta moves every parameter by -eta * dL/dtheta.
 */
class SgdGradientTest {

    private static double loss(FmModel m, SparseVector x, float y, FmTask task) {
        double p = m.raw(x.indices(), x.values(), x.nnz());
        if (task == FmTask.REGRESSION) {
            return 0.5 * (p - y) * (p - y);
        }
        double z = y > 0.5 ? p : -p;
        return Math.log1p(Math.exp(-z));
    }

    private static FmModel perturbed(FmModel m, int feature, int factor, double h) {
        float[] w = m.weightsCopy();
        float[] v = m.factorsCopy();
        float w0 = m.globalBias();
        if (feature < 0) {
            w0 += (float) h;
        } else if (factor < 0) {
            w[feature] += (float) h;
        } else {
            v[feature * m.k() + factor] += (float) h;
        }
        return new FmModel(m.task(), m.k(), w0, w, v, null, m.minTarget(), m.maxTarget(), m.foldInPrior());
    }

    private static void check(FmTask task, float y) {
        int n = 12;
        int k = 4;
        FmModel base = FmModelTest.randomModel(n, k, 21, null);
        base = new FmModel(task, k, base.globalBias(), base.weightsCopy(), base.factorsCopy(), null, -1e6f, 1e6f,
                base.foldInPrior());
        SparseVector x = new SparseVector(new int[]{1, 4, 7, 10}, new float[]{1f, 0.5f, -0.7f, 1.3f});
        double eta = 1e-4;
        FmConfig cfg = FmConfig.defaults().withLearner(FmLearner.SGD).withTask(task).withK(k)
                .withRegularisation(0, 0, 0).withLearningRate(eta, 0).withScale(-1e6f, 1e6f);
        SgdFmTrainer.Online online = SgdFmTrainer.Online.create(cfg, n, null, base);
        online.update(x, y);
        FmModel after = online.model(null);
        double h = 1e-3;
        int[][] params = {{-1, -1}, {1, -1}, {7, -1}, {4, 0}, {4, 3}, {10, 2}, {1, 1}};
        for (int[] p : params) {
            double numeric = (loss(perturbed(base, p[0], p[1], h), x, y, task)
                    - loss(perturbed(base, p[0], p[1], -h), x, y, task)) / (2 * h);
            double before = p[0] < 0 ? base.globalBias() : p[1] < 0 ? base.weight(p[0]) : base.factor(p[0], p[1]);
            double now = p[0] < 0 ? after.globalBias() : p[1] < 0 ? after.weight(p[0]) : after.factor(p[0], p[1]);
            double analytic = (before - now) / eta;
            assertEquals(numeric, analytic, 2e-2 * Math.max(1, Math.abs(numeric)),
                    task + " gradient of parameter " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void anOnlineUpdateWithAFeatureBeyondTheLearnerNamesTheIndex() {
        SgdFmTrainer.Online online = SgdFmTrainer.Online.create(FmConfig.defaults().withLearner(FmLearner.SGD), 5,
                null, null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> online.update(new SparseVector(new int[]{1, 7}, new float[]{1, 1}), 4f));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("feature index 7"), e.getMessage());
    }

    @Test
    void squaredLossGradientMatchesFiniteDifferences() {
        check(FmTask.REGRESSION, 2.5f);
    }

    @Test
    void logisticLossGradientMatchesFiniteDifferences() {
        check(FmTask.CLASSIFICATION, 1f);
        check(FmTask.CLASSIFICATION, 0f);
    }
}
