package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.model.FmInputs;
import io.reelfm.trainer.store.TrainingState;

/**
 * Accuracy band of the trainer's default ALS (recommender-core's FM ALS over ids) on MovieLens 100K, each user's two most recent
 * ratings held out, scored through the served predictor (FmItemScorer fold-in). Skips when the data set is absent; fails when
 * {@code REELFM_ML100K} names a wrong path.
 */
class MovieLens100kAccuracyTest {

    private static Path dataDir() {
        java.util.Optional<Path> found = io.reelfm.datasets.model.Ml100k.locate();
        Assumptions.assumeTrue(found.isPresent(), io.reelfm.datasets.download.MovieLens100kLocation.HOW_TO_GET_IT);
        return found.get();
    }

    @Test
    void defaultAlsBeatsTheBiasFreeBaselineOnRecentRatings() throws IOException {
        TrainingState s = new TrainingState(1 << 20);
        int n = 0;
        for (String line : Files.readAllLines(dataDir().resolve("u.data"))) {
            String[] f = line.split("\t");
            s.applyRating(RatingEvent.newBuilder().setEventId("e" + n).setUserId(f[0]).setItemId(f[1])
                    .setRating(Float.parseFloat(f[2])).setTimestamp(Instant.ofEpochSecond(Long.parseLong(f[3]))).build(), "ratings", 0, n++);
        }
        assertThat(s.ratings().size()).isEqualTo(100_000);
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users(), s.items(), 2, 5, 5000, 42);
        double baseline = MeanBaseline.holdoutRmse(s, split);

        FmSnapshot snapshot = ModelSpec.als("als", 8, 20, 10).newFitter().fit(FmInputs.of(s, split.train()));
        HoldoutMetrics m = new HoldoutEvaluator(10, 4f, 300).evaluate(new FmItemScorer(snapshot), s.ratings(), s.users(),
                s.items(), split, id -> null);

        assertThat(m.count()).isEqualTo(2 * 943);
        assertThat(m.rmse()).isLessThan(baseline * 0.97).isBetween(0.9, 1.05);
        assertThat(m.hitRate()).isGreaterThan(0.05);
    }
}
