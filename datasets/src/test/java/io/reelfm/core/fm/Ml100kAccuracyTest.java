package io.reelfm.core.fm;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.bench.Ml100kFolds;
import io.reelfm.core.fm.bench.ServedPredictor;
import io.reelfm.datasets.model.Ml100k;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Accuracy band on the canonical MovieLens 100K fold u1 (skipped when the data is absent; a wrong
 * REELFM_ML100K fails). libFM's MCMC with k=8 reaches 0.9108 there after 200 samples.
 */
class Ml100kAccuracyTest {

    @Test
    void mcmcOnU1IsInTheBandOfLibFmAndTheServedPredictorFollowsIt() {
        Optional<Path> dir = Ml100k.locate();
        assumeTrue(dir.isPresent(), "MovieLens 100K not present");
        Ml100k.Fold fold = Ml100k.fold(dir.get(), 1);
        SideInfo side = Ml100k.sideInfo(dir.get());
        FmConfig cfg = FmConfig.defaults().withK(8).withIterations(100);
        FmEncoder enc = new FmEncoder(new FeatureSpace(), side, cfg.groups());
        FmData train = enc.encode(fold.train(), fold.users(), fold.items(), fold.train());
        FmData test = enc.encode(fold.test(), fold.users(), fold.items(), fold.train());
        McmcFmTrainer.Result r = new McmcFmTrainer(cfg).run(train, enc.space(), null, test, null);
        double rmse = Ml100kFolds.rmse(r.predictions(), test);
        assertTrue(rmse > 0.89 && rmse < 0.925, "u1 MCMC k=8 RMSE " + rmse);
        FmItemScorer scorer = new FmItemScorer(FmSnapshot.export(r.posteriorMean(), enc, fold.items()));
        double served = Ml100kFolds.rmse(ServedPredictor.predict(scorer, side, fold), test);
        assertTrue(served < rmse + 0.02, "served RMSE " + served + " vs model " + rmse);
    }
}
