package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;

/**
 * Accuracy band of the trainer's default ALS on MovieLens 100K, each user's two most recent
 * ratings held out, scored through fold-in. Skips when the data set is absent; fails when
 * {@code REELFM_ML100K} names a wrong path.
 */
class MovieLens100kAccuracyTest {

    private static Path dataDir() {
        String env = System.getenv("REELFM_ML100K");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            assertThat(p.resolve("u.data")).as("REELFM_ML100K=%s must contain u.data", env).isRegularFile();
            return p;
        }
        for (Path candidate : new Path[] {Path.of("../shared/data/movielens/ml-100k"), Path.of("../../shared/data/movielens/ml-100k")}) {
            if (Files.isRegularFile(candidate.resolve("u.data"))) {
                return candidate;
            }
        }
        Assumptions.abort("MovieLens 100K not found; set REELFM_ML100K to run this test");
        return null;
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
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users().size(), 2, 5, 5000, 42);
        TrainingSet train = TrainingSet.of(s.ratings(), split.train(), s.users().size(), s.items().size());
        double mean = train.mean();
        double se = 0;
        for (int r : split.holdout()) {
            se += Math.pow(s.ratings().rating(r) - mean, 2);
        }
        double baseline = Math.sqrt(se / split.holdout().length);

        AlsLearner als = new AlsLearner(10, 20);
        FactorParams params = new FactorParams(8, 42);
        als.fit(train, params);
        HoldoutMetrics m = new HoldoutEvaluator(10, 4f, 300).evaluate(
                new FoldInPredictor(params.toSnapshot(s.items(), als.userLambda())), s.ratings(), s.users(), s.items(), split);

        assertThat(m.count()).isEqualTo(2 * 943);
        assertThat(m.rmse()).isLessThan(baseline * 0.97).isBetween(0.9, 1.05);
        assertThat(m.hitRate()).isGreaterThan(0.05);
    }
}
