package io.reelfm.core.fm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnersRecoverPlantedFactorsTest {

    private static final Planted DATA = new Planted(120, 100, 3, 0.35, 0.1, 11);

    private static void assertNearNoise(String learner, FmModel model) {
        double vsTruth = Planted.rmse(model.predictAll(DATA.test), DATA.testTruth);
        assertTrue(vsTruth < 0.25, learner + " held-out RMSE against the noiseless truth " + vsTruth
                + " should be near the noise level 0.1");
        double baseline = Planted.rmse(new float[DATA.testTruth.length], DATA.testTruth);
        assertTrue(vsTruth < baseline / 5, learner + " " + vsTruth + " vs all-zero baseline " + baseline);
    }

    @Test
    void sgdRecoversPlantedFactors() {
        FmConfig cfg = Planted.config(FmLearner.SGD, 3, 150).withRegularisation(0, 0.002, 0.002)
                .withLearningRate(0.03, 0.02);
        assertNearNoise("SGD", FmModelTrainer.train(cfg, DATA.train, null, null));
    }

    @Test
    void alsRecoversPlantedFactors() {
        FmConfig cfg = Planted.config(FmLearner.ALS, 3, 40).withRegularisation(0, 0.5, 0.5);
        assertNearNoise("ALS", FmModelTrainer.train(cfg, DATA.train, null, null));
    }

    @Test
    void mcmcRecoversPlantedFactorsAndLearnsTheNoiseLevel() {
        FmConfig cfg = Planted.config(FmLearner.MCMC, 3, 150);
        McmcFmTrainer.Result r = new McmcFmTrainer(cfg).run(DATA.train, null, null, DATA.test, null);
        double averaged = Planted.rmse(r.predictions(), DATA.testTruth);
        assertTrue(averaged < 0.2, "MCMC sample-averaged held-out RMSE vs truth " + averaged);
        assertNearNoise("MCMC posterior mean", r.posteriorMean());
    }

    @Test
    void everyLearnerIsDeterministicForASeed() {
        for (FmLearner l : FmLearner.values()) {
            FmConfig cfg = Planted.config(l, 3, 5);
            float[] a = FmModelTrainer.train(cfg, DATA.train, null, null).predictAll(DATA.test);
            float[] b = FmModelTrainer.train(cfg, DATA.train, null, null).predictAll(DATA.test);
            assertArrayEquals(a, b, l + " must be deterministic");
        }
    }
}
