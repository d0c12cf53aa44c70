package io.reelfm.core.fm;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingTrainer;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmRatingTrainerTest {

    @Test
    void theHarnessAdapterBeatsTheGlobalMeanOnHeldOutRatingsAndAnswersColdPairs() {
        SideWorld w = new SideWorld(80, 60, 0.4, 23);
        FmConfig cfg = FmConfig.defaults().withK(2).withIterations(60).withGroups(EnumSet.allOf(FeatureGroup.class));
        FmRatingTrainer trainer = new FmRatingTrainer(cfg, w.side, w.users, w.items);
        int[] calls = new int[1];
        RatingPredictor p = trainer.train(w.train, w.test, (it, current) -> calls[0]++);
        double mean = w.train.mean();
        double fm = 0;
        double base = 0;
        for (int r = 0; r < w.test.size(); r++) {
            fm += Math.pow(p.predict(w.test.user(r), w.test.item(r)) - w.test.value(r), 2);
            base += Math.pow(mean - w.test.value(r), 2);
        }
        assertTrue(fm < base * 0.8, "FM squared error " + fm + " vs global mean " + base);
        assertEquals(cfg.iterations(), calls[0], "one call per MCMC sample");
        RatingPredictor als = new FmRatingTrainer(cfg.withLearner(FmLearner.ALS).withRegularisation(0, 2, 4),
                w.side, w.users, w.items).train(w.train);
        double alsErr = 0;
        for (int r = 0; r < w.test.size(); r++) {
            alsErr += Math.pow(als.predict(w.test.user(r), w.test.item(r)) - w.test.value(r), 2);
        }
        assertTrue(alsErr < base * 0.8, "ALS squared error " + alsErr + " vs global mean " + base);
        float cold = p.predict(10_000, 0);
        assertTrue(cold >= 1 && cold <= 5, "cold prediction " + cold);
        assertEquals("fm-mcmc-k2", ((RatingTrainer) trainer).name());
    }

    @Test
    void mcmcAnswersHeldOutPairsWithItsSampleAveragedPredictionsAndRanksWithOneModel() {
        SideWorld w = new SideWorld(80, 60, 0.4, 29);
        FmConfig cfg = FmConfig.defaults().withK(2).withIterations(30);
        RatingPredictor[] last = new RatingPredictor[1];
        RatingPredictor p = new FmRatingTrainer(cfg, w.side, w.users, w.items).train(w.train, w.test,
                (it, current) -> last[0] = current);
        for (int r = 0; r < w.test.size(); r++) {
            assertEquals(last[0].predict(w.test.user(r), w.test.item(r)), p.predict(w.test.user(r), w.test.item(r)), 0f);
        }
        int user = w.test.user(0);
        java.util.Set<Integer> heldOut = new java.util.HashSet<>();
        for (int r = 0; r < w.test.size(); r++) {
            if (w.test.user(r) == user) {
                heldOut.add(w.test.item(r));
            }
        }
        float[] all = new float[w.items.size()];
        p.scoreAll(user, all);
        boolean anyDiffers = false;
        for (int i = 0; i < all.length; i++) {
            if (!heldOut.contains(i)) {
                assertEquals(p.predict(user, i), all[i], 1e-6f, "item " + i);
            } else {
                anyDiffers |= Math.abs(p.predict(user, i) - all[i]) > 1e-6f;
            }
        }
        assertTrue(anyDiffers, "held-out items are ranked by the posterior-mean model, not the averaged predictions");
    }
}
