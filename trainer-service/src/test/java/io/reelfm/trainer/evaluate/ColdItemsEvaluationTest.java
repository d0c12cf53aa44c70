package io.reelfm.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.eval.EvaluationReport;
import io.reelfm.core.eval.Evaluator;
import io.reelfm.core.eval.FoldResult;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.split.Split;
import io.reelfm.datasets.movielens.MovieLens100kDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The item cold-start protocol through the evaluate engine on a small MovieLens-format data set
 * whose taste follows the catalogue and the profiles: every learner runs under it, and the one
 * that reads those attributes ranks the new items where interaction-only models can only tie.
 */
class ColdItemsEvaluationTest {

    private static final int GROUPS = 3;
    /** Positions of Action, Comedy and Drama among MovieLens 100K's 19 genre flags. */
    private static final int[] GENRE_FLAG = {1, 5, 8};
    private static final String[] OCCUPATION = {"engineer", "artist", "doctor"};

    @TempDir
    Path dir;

    @Test
    void everyLearnerRunsOnColdItemsAndTheAttributeModelRanksThemBest() throws IOException {
        writeDataSet(150, 90, 25, 3);
        EvaluationData data = EvaluationData.load(dir, new MovieLens100kDataset(dir), null, null, "cold-items:0.2", 7);
        assertThat(data.splits()).hasSize(1);
        Split split = data.splits().get(0);
        BitSet cold = split.candidates();
        assertThat(cold.cardinality()).isEqualTo(18);
        for (int r = 0; r < split.test().size(); r++) {
            assertThat(cold.get(split.test().item(r))).isTrue();
        }
        RankingConfig ranking = new RankingConfig(10, 4f);
        Map<String, Double> ndcg = new HashMap<>();
        for (String learner : LearnerSpec.LEARNERS) {
            LearnerSpec spec = new LearnerSpec(learner, LearnerSpec.defaultFactors(learner),
                    Math.min(LearnerSpec.defaultIterations(learner), 20), LearnerSpec.parseReg("auto"), 0.015,
                    LearnerSpec.parseFeatures("user,item"), 42);
            EvaluationReport report = new Evaluator(ranking).evaluate(
                    spec.trainer(data.side(), data.users(), data.items(), ranking), data.splits(), Evaluator.Progress.NONE);
            FoldResult fold = report.folds().get(0);
            assertThat(fold.ranking()).as(learner).isNotNull();
            assertThat(fold.ranking().usersEvaluated()).as(learner).isGreaterThan(50);
            ndcg.put(learner, fold.ranking().ndcg());
        }
        assertThat(ndcg.get("fm-rank")).isGreaterThan(ndcg.get("ials") + 0.2).isGreaterThan(ndcg.get("pop") + 0.2);
    }

    @Test
    void theProtocolIsParsedWithADefaultShareAndRejectsABadOne() {
        assertThat(FoldSpec.parse("cold-items")).isEqualTo(new FoldSpec.ColdItems(0.1));
        assertThat(FoldSpec.parse("cold-items:0.25")).isEqualTo(new FoldSpec.ColdItems(0.25));
        assertThatThrownBy(() -> FoldSpec.parse("cold-items:1.5")).hasMessageContaining("--folds cold-items:F");
    }

    /** Users of occupation g mostly rate films of genre g, and rate those high. */
    private void writeDataSet(int users, int items, int perUser, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> movies = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            StringBuilder flags = new StringBuilder();
            for (int g = 0; g < 19; g++) {
                flags.append('|').append(g == GENRE_FLAG[i % GROUPS] ? 1 : 0);
            }
            int year = 1970 + random.nextInt(30);
            movies.add(i + "|Film " + i + " (" + year + ")|01-Jan-" + year + "||http://example.org/" + i + flags);
        }
        List<String> profiles = new ArrayList<>();
        List<String> ratings = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            int g = u % GROUPS;
            profiles.add(u + "|" + (18 + random.nextInt(40)) + "|" + (random.nextBoolean() ? "M" : "F") + "|"
                    + OCCUPATION[g] + "|12345");
            BitSet used = new BitSet();
            for (int n = 0; n < perUser; n++) {
                int item = random.nextDouble() < 0.85 ? g + GROUPS * random.nextInt(items / GROUPS)
                        : random.nextInt(items);
                if (item == 0 || used.get(item)) {
                    continue;
                }
                used.set(item);
                int rating = item % GROUPS == g ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                ratings.add(u + "\t" + item + "\t" + rating + "\t" + (880_000_000L + 1000L * n + u));
            }
        }
        Files.write(dir.resolve("u.item"), movies, StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("u.user"), profiles, StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("u.data"), ratings, StandardCharsets.ISO_8859_1);
    }
}
