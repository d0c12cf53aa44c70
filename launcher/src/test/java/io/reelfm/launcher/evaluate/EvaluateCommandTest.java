package io.reelfm.launcher.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelfm.launcher.ReelFm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {

    private static final int USERS = 40;
    private static final int ITEMS = 50;

    @TempDir
    static Path dir;

    /** Writes u.data, u1.base/u1.test (80/20 per seeded draw), u.item and u.user in MovieLens 100K format. */
    @BeforeAll
    static void writeSmallDataSet() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        double[] userEffect = random.doubles(USERS, -1, 1).toArray();
        double[] itemEffect = random.doubles(ITEMS, -1, 1).toArray();
        List<String> all = new ArrayList<>();
        List<String> base = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            for (int i = 1; i <= ITEMS; i++) {
                if (random.nextDouble() < 0.5) {
                    long rating = Math.max(1, Math.min(5, Math.round(3.4 + userEffect[u - 1] + itemEffect[i - 1] + random.nextGaussian() * 0.4)));
                    String line = u + "\t" + i + "\t" + rating + "\t" + (880_000_000L + u * 1000L + i);
                    all.add(line);
                    (random.nextDouble() < 0.8 ? base : test).add(line);
                }
            }
        }
        Files.write(dir.resolve("u.data"), all, StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("u1.base"), base, StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("u1.test"), test, StandardCharsets.ISO_8859_1);
        List<String> movies = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            StringBuilder flags = new StringBuilder();
            for (int g = 0; g < 19; g++) {
                flags.append('|').append(g == 1 + i % 4 ? '1' : '0');
            }
            movies.add(i + "|Movie " + i + " (" + (1980 + i % 15) + ")|01-Jan-" + (1980 + i % 15) + "||http://example.org/" + i + flags);
        }
        Files.write(dir.resolve("u.item"), movies, StandardCharsets.ISO_8859_1);
        List<String> users = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            users.add(u + "|" + (20 + u) + "|" + (u % 2 == 0 ? "M" : "F") + "|student|12345");
        }
        Files.write(dir.resolve("u.user"), users, StandardCharsets.ISO_8859_1);
    }

    private record Run(int exitCode, String out, String err) {
        JsonNode lastLineJson() throws IOException {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    private static Run run(String... args) {
        CommandLine cli = ReelFm.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> full = new ArrayList<>(List.of("evaluate", "--data", dir.toString(), "--no-progress"));
        full.addAll(List.of(args));
        int code = cli.execute(full.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonLastLineHoldsMeanAndPerFoldErrorsForTheBaseline() throws IOException {
        Path out = dir.resolve("report-bias");
        Run run = run("--folds", "u1", "--learner", "bias", "--iterations", "5", "--format", "json", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("rmse").asDouble()).isBetween(0.3, 1.2);
        assertThat(json.get("mae").asDouble()).isBetween(0.2, json.get("rmse").asDouble());
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(json.get("folds")).hasSize(1);
        assertThat(json.get("folds").get(0).get("name").asText()).isEqualTo("u1");
        assertThat(json.get("folds").get(0).get("rmse").asDouble()).isEqualTo(json.get("rmse").asDouble());
        assertThat(json.get("folds").get(0).get("precision").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("logLoss").asDouble()).isBetween(0.0, Math.log(2) + 0.05);
        assertThat(out.resolve("report.md")).content().contains("## Results per fold", "## Content clusters");
        assertThat(out.resolve("folds.csv")).content().startsWith("fold,rmse,mae,auc");
        assertThat(Files.size(out.resolve("rmse-per-iteration.png"))).isPositive();
        assertThat(Files.size(out.resolve("silhouette-vs-k.png"))).isPositive();
    }

    @Test
    void factorizationMachineWithAlsRunsThroughTheHarnessAndClustersItsItemVectors() throws IOException {
        Path out = dir.resolve("report-als");
        Run run = run("--folds", "u1", "--learner", "als", "--factors", "2", "--iterations", "3", "--reg", "0.1",
                "--format", "json", "--fm-clusters", "--cluster-max-k", "4", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("learner").asText()).isEqualTo("fm-als-k2");
        assertThat(json.get("rmse").asDouble()).isBetween(0.3, 1.5);
        assertThat(out.resolve("report.md")).content().contains("## FM item-vector clusters", "genre:");
        assertThat(Files.size(out.resolve("silhouette-vs-k-fm.png"))).isPositive();
    }

    @Test
    void kFoldAndTimeHoldoutSpecsProduceTheirSplits() throws IOException {
        Run kfold = run("--folds", "kfold:3", "--learner", "bias", "--format", "json", "--no-clusters",
                "--out", dir.resolve("report-kfold").toString());
        assertThat(kfold.exitCode()).as(kfold.err()).isZero();
        assertThat(kfold.lastLineJson().get("folds")).hasSize(3);
        assertThat(kfold.lastLineJson().get("folds").get(2).get("name").asText()).isEqualTo("kfold-3/3");
        Run time = run("--folds", "time:5", "--learner", "bias", "--format", "json", "--no-clusters",
                "--out", dir.resolve("report-time").toString());
        assertThat(time.exitCode()).as(time.err()).isZero();
        assertThat(time.lastLineJson().get("folds").get(0).get("name").asText()).isEqualTo("time-last5");
    }

    @Test
    void gridSearchWritesASortedTableAndEvaluatesTheBestCombination() throws IOException {
        Path out = dir.resolve("report-search");
        Run run = run("--folds", "u1", "--learner", "bias", "--search", "grid", "--grid-iterations", "1,5",
                "--grid-reg", "0,500", "--format", "json", "--no-clusters", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("search")).hasSize(4);
        assertThat(json.get("search").get(0).get("rmse").asDouble()).isEqualTo(json.get("rmse").asDouble());
        assertThat(json.get("search").get(0).get("rmse").asDouble()).isLessThanOrEqualTo(json.get("search").get(3).get("rmse").asDouble());
        assertThat(out.resolve("search.csv")).content().startsWith("rank,learner,factors,iterations,reg,features,rmse");
    }

    @Test
    void tableFormatPrintsTheFoldTable() {
        Run run = run("--folds", "u1", "--learner", "bias", "--out", dir.resolve("report-table").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("| u1 |", "| **mean** |", "Report written to");
    }

    @Test
    void rejectsBadOptionsNamingThem() {
        Run folds = run("--folds", "u9", "--out", dir.resolve("bad").toString());
        assertThat(folds.exitCode()).isEqualTo(2);
        assertThat(folds.err()).contains("--folds", "u9");
        Run learner = run("--learner", "magic", "--out", dir.resolve("bad").toString());
        assertThat(learner.exitCode()).isEqualTo(2);
        assertThat(learner.err()).contains("--learner", "magic");
        Run features = run("--features", "user,colour", "--out", dir.resolve("bad").toString());
        assertThat(features.err()).contains("--features", "colour");
    }
}
