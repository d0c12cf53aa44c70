package io.reelfm.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelfm.core.eval.metrics.RankingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on its own, without the launcher: a fixed split, progress through the interface, curves in the outcome. */
class EvaluationRunTest {

    @TempDir
    Path dir;

    @Test
    void evaluatesAFixedSplitReportingProgressAndReturningTheCurves() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int u = 1; u <= 30; u++) {
            for (int i = 1; i <= 20; i++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                String row = u + "\t" + i + "\t" + (1 + (u + i) % 5) + "\t" + (1000 + u * 20 + i);
                (i % 5 == 0 ? test : train).add(row);
            }
        }
        Path trainFile = Files.write(dir.resolve("train.tsv"), train, StandardCharsets.UTF_8);
        Path testFile = Files.write(dir.resolve("test.tsv"), test, StandardCharsets.UTF_8);

        EvaluationData data = EvaluationData.load(null, null, trainFile, testFile, "u1", 1);
        assertThat(data.splits()).hasSize(1);
        assertThat(data.source()).isEqualTo(trainFile);

        int[] steps = new int[1];
        List<String> tasks = new ArrayList<>();
        EvaluationProgress progress = (name, total) -> {
            tasks.add(name + " " + total);
            return new EvaluationProgress.Task() {
                @Override
                public void step() {
                    steps[0]++;
                }

                @Override
                public void close() {
                }
            };
        };
        LearnerSpec bias = new LearnerSpec("bias", 0, 3, LearnerSpec.parseReg("auto"), 0.015, LearnerSpec.parseFeatures("user,item"), 42);
        EvaluationRun.Outcome outcome = new EvaluationRun(dir, new RankingConfig(5, 4), 42, progress, null,
                new ClusterPlan(null, true, false)).run(bias, data);

        assertThat(tasks).containsExactly("evaluate bias 3");
        assertThat(steps[0]).isEqualTo(3);
        assertThat(outcome.chosen()).isEqualTo(bias);
        assertThat(outcome.report().folds()).hasSize(1);
        assertThat(outcome.curves()).containsOnlyKeys(outcome.report().learner() + " " + FixedSplitReader.NAME);
        assertThat(outcome.clusters()).as("no catalogue without a data set").isEmpty();
        assertThat(outcome.fmItemClusters()).isEmpty();
        assertThat(outcome.search()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the engine draws no charts")
                    .containsExactlyInAnyOrder("train.tsv", "test.tsv");
        }
    }
}
