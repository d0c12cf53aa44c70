package io.reelfm.core.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reelfm.core.eval.EvaluationReport;
import io.reelfm.core.eval.Evaluator;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.split.Split;
import io.reelfm.datasets.model.Ml100k;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accuracy band of the bias baseline on the canonical u1 fold; skips when MovieLens 100K is absent. */
class BiasBaselineMl100kIT {

    @Test
    void biasBaselineOnFoldU1LandsInThePublishedBand() {
        Optional<Path> dir = Ml100k.locate();
        assumeTrue(dir.isPresent(), io.reelfm.datasets.download.MovieLens100kLocation.HOW_TO_GET_IT);
        Ml100k.Fold fold = Ml100k.fold(dir.get(), 1);
        EvaluationReport report = new Evaluator(RankingConfig.DEFAULT).evaluate(new BiasTrainer(BiasConfig.DEFAULT),
                List.of(new Split("u1", fold.train(), fold.test())), Evaluator.Progress.NONE);
        // user+item bias models score about 0.94-0.96 RMSE on u1 in LensKit and MyMediaLite reports
        assertThat(report.meanRmse()).isBetween(0.93, 0.97);
        assertThat(report.meanMae()).isBetween(0.73, 0.77);
        assertThat(report.folds().get(0).testRmsePerIteration()).hasSize(BiasConfig.DEFAULT.iterations());
        assertThat(report.folds().get(0).ranking().usersEvaluated()).isGreaterThan(400);
    }
}
