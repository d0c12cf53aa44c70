package io.reelfm.core.fm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmStartAndClassificationTest {

    @Test
    void warmStartKeepsOldParametersAndLearnsNewUsers() {
        Planted all = new Planted(100, 80, 3, 0.4, 0.1, 31);
        // first model: only rows of users below 70 (features of users 70..99 unseen)
        FmData.Builder early = new FmData.Builder();
        FmData.Builder late = new FmData.Builder();
        for (int r = 0; r < all.train.rows(); r++) {
            (all.train.col(all.train.rowStart(r)) < 70 ? early : late).add(all.train.row(r), all.train.target(r));
        }
        FmConfig cfg = Planted.config(FmLearner.ALS, 3, 30).withRegularisation(0, 0.5, 0.5);
        FmModel first = FmModelTrainer.train(cfg, early.build(), null, null);
        FmData lateData = late.build();
        double before = Planted.rmse(first.predictAll(lateData), lateData);

        FmModel unchanged = new SgdFmTrainer(Planted.config(FmLearner.SGD, 3, 1).withLearningRate(1e-12, 0))
                .trainOnePass(early.build(), null, first);
        assertEquals(first.predict(all.train.row(0)), unchanged.predict(all.train.row(0)), 1e-4f,
                "a warm start begins exactly at the old model");

        FmModel continued = FmModelTrainer.train(cfg.withIterations(5), all.train, null, first);
        FmModel scratch = FmModelTrainer.train(cfg.withIterations(5), all.train, null, null);
        double warm = Planted.rmse(continued.predictAll(all.test), all.testTruth);
        double cold = Planted.rmse(scratch.predictAll(all.test), all.testTruth);
        assertTrue(Planted.rmse(continued.predictAll(lateData), lateData) < before / 3,
                "new users learned after warm start");
        assertTrue(warm <= cold + 1e-3, "warm start " + warm + " should not be worse than 5 sweeps from scratch "
                + cold);
    }

    private static FmData liked(FmData d) {
        float[] y = new float[d.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.target(i) >= 3.0f ? 1f : 0f;
        }
        return d.withTargets(y);
    }

    private static double accuracy(float[] scores, FmData labels, float threshold) {
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > threshold) == (labels.target(i) > 0.5f)) {
                right++;
            }
        }
        return right / (double) scores.length;
    }

    @Test
    void logisticSgdAndProbitMcmcClassifyLikedItems() {
        Planted p = new Planted(120, 100, 3, 0.35, 0.1, 12);
        FmData train = liked(p.train);
        FmData test = liked(p.test);
        FmConfig sgd = Planted.config(FmLearner.SGD, 3, 60).withTask(FmTask.CLASSIFICATION)
                .withRegularisation(0, 0.001, 0.001).withLearningRate(0.05, 0.02);
        FmModel m = FmModelTrainer.train(sgd, train, null, null);
        double sgdAcc = accuracy(m.predictAll(test), test, 0f);
        FmConfig mcmc = Planted.config(FmLearner.MCMC, 3, 80).withTask(FmTask.CLASSIFICATION);
        McmcFmTrainer.Result r = new McmcFmTrainer(mcmc).run(train, null, null, test, null);
        double mcmcAcc = accuracy(r.predictions(), test, 0.5f);
        int positives = 0;
        for (int i = 0; i < test.rows(); i++) {
            positives += test.target(i) > 0.5f ? 1 : 0;
        }
        double majority = Math.max(positives, test.rows() - positives) / (double) test.rows();
        assertTrue(sgdAcc > 0.8 && sgdAcc > majority + 0.1, "SGD accuracy " + sgdAcc + ", majority " + majority);
        assertTrue(mcmcAcc > 0.8 && mcmcAcc > majority + 0.1, "MCMC accuracy " + mcmcAcc + ", majority " + majority);
    }
}
