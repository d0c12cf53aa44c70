package io.reelfm.launcher.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.launcher.ReelFm;
import io.reelfm.trainer.evaluate.EvaluationData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code evaluate} on every data set layout the replay reads, on strong generalisation and on
 * fixed {@code --train}/{@code --test} files, all generated here: the same seeded ratings written
 * as MovieLens 100K, 1M ({@code ::}) and CSV (half stars, quoted titles with commas).
 */
class EvaluateDataFormatsTest {

    private static final int USERS = 30;
    private static final int ITEMS = 40;
    private static final List<String> GENRES = List.of("Action", "Comedy", "Drama", "Horror");

    @TempDir
    static Path root;

    /** user, item, rating on the half-star scale 0.5..5, unix seconds. */
    private record Rating(int user, int item, double stars, long seconds) {
        /** About a fifth of the ratings, spread over users and items, form the test side of fixed splits. */
        boolean inTest() {
            return (user * 7 + item) % 5 == 0;
        }

        long wholeStars() {
            return Math.max(1, Math.min(5, Math.round(stars)));
        }
    }

    private static final List<Rating> RATINGS = new ArrayList<>();

    @BeforeAll
    static void writeDataSets() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        double[] userEffect = random.doubles(USERS, -1, 1).toArray();
        double[] itemEffect = random.doubles(ITEMS, -1, 1).toArray();
        for (int u = 1; u <= USERS; u++) {
            for (int i = 1; i <= ITEMS; i++) {
                if (random.nextDouble() < 0.5) {
                    double raw = 3.2 + userEffect[u - 1] + itemEffect[i - 1] + random.nextGaussian() * 0.6;
                    double stars = Math.max(0.5, Math.min(5, Math.round(raw * 2) / 2.0));
                    RATINGS.add(new Rating(u, i, stars, 1_000_000_000L + u * 5_000L + i * 37L));
                }
            }
        }
        // Both ends of the half-star scale, whatever the draw gave.
        RATINGS.set(0, new Rating(RATINGS.get(0).user(), RATINGS.get(0).item(), 0.5, RATINGS.get(0).seconds()));
        RATINGS.set(1, new Rating(RATINGS.get(1).user(), RATINGS.get(1).item(), 4.5, RATINGS.get(1).seconds()));
        writeMl100k(Files.createDirectories(root.resolve("ml-100k")));
        writeMl1m(Files.createDirectories(root.resolve("ml-1m")));
        writeCsv(Files.createDirectories(root.resolve("ml-latest-small")), List.of());
    }

    private static String genre(int item) {
        return GENRES.get(item % GENRES.size());
    }

    private static void writeMl100k(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        List<String> base = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (Rating r : RATINGS) {
            String line = r.user() + "\t" + r.item() + "\t" + r.wholeStars() + "\t" + r.seconds();
            all.add(line);
            (r.inTest() ? test : base).add(line);
        }
        Files.write(dir.resolve("u.data"), all, StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("u1.base"), base, StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("u1.test"), test, StandardCharsets.ISO_8859_1);
        List<String> movies = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            StringBuilder flags = new StringBuilder();
            for (String g : io.reelfm.datasets.movielens.MovieLens100k.GENRES) {
                flags.append('|').append(g.equals(genre(i)) ? '1' : '0');
            }
            movies.add(i + "|Movie " + i + " (" + (1990 + i % 10) + ")|01-Jan-" + (1990 + i % 10) + "||http://example.org/" + i + flags);
        }
        Files.write(dir.resolve("u.item"), movies, StandardCharsets.ISO_8859_1);
        List<String> users = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            users.add(u + "|" + (20 + u) + "|" + (u % 2 == 0 ? "M" : "F") + "|student|12345");
        }
        Files.write(dir.resolve("u.user"), users, StandardCharsets.ISO_8859_1);
    }

    private static void writeMl1m(Path dir) throws IOException {
        List<String> ratings = new ArrayList<>();
        for (Rating r : RATINGS) {
            ratings.add(r.user() + "::" + r.item() + "::" + r.wholeStars() + "::" + r.seconds());
        }
        Files.write(dir.resolve("ratings.dat"), ratings, StandardCharsets.ISO_8859_1);
        List<String> movies = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            movies.add(i + "::Movie " + i + " (" + (1990 + i % 10) + ")::" + genre(i) + "|" + genre(i + 1));
        }
        Files.write(dir.resolve("movies.dat"), movies, StandardCharsets.ISO_8859_1);
        List<String> users = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            users.add(u + "::" + (u % 2 == 0 ? "M" : "F") + "::25::" + (u % 21) + "::12345");
        }
        Files.write(dir.resolve("users.dat"), users, StandardCharsets.ISO_8859_1);
    }

    /** ratings.csv with half stars (plus {@code extraLines} appended) and movies.csv with quoted titles. */
    private static void writeCsv(Path dir, List<String> extraLines) throws IOException {
        List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        for (Rating r : RATINGS) {
            ratings.add(r.user() + "," + r.item() + "," + r.stars() + "," + r.seconds());
        }
        ratings.addAll(extraLines);
        Files.write(dir.resolve("ratings.csv"), ratings, StandardCharsets.UTF_8);
        List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
        for (int i = 1; i <= ITEMS; i++) {
            movies.add(i + ",\"Movie " + i + ", The (" + (1990 + i % 10) + ")\"," + genre(i) + "|" + genre(i + 2));
        }
        Files.write(dir.resolve("movies.csv"), movies, StandardCharsets.UTF_8);
    }

    /** The ratings as a train and a test file in one of the row formats. */
    private static Path[] writeFixedSplit(String format) throws IOException {
        Path dir = Files.createDirectories(root.resolve("fixed-" + format));
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        if (format.equals("csv")) {
            train.add("userId,movieId,rating,timestamp");
            test.add("userId,movieId,rating,timestamp");
        }
        for (Rating r : RATINGS) {
            String line = switch (format) {
                case "tab" -> r.user() + "\t" + r.item() + "\t" + r.wholeStars() + "\t" + r.seconds();
                case "dat" -> r.user() + "::" + r.item() + "::" + r.wholeStars() + "::" + r.seconds();
                case "csv" -> r.user() + "," + r.item() + "," + r.stars() + "," + r.seconds();
                default -> throw new IllegalArgumentException(format);
            };
            (r.inTest() ? test : train).add(line);
        }
        Path trainFile = dir.resolve("train." + format);
        Path testFile = dir.resolve("test." + format);
        Files.write(trainFile, train, StandardCharsets.UTF_8);
        Files.write(testFile, test, StandardCharsets.UTF_8);
        return new Path[] {trainFile, testFile};
    }

    private record Run(int exitCode, String out, String err) {
        JsonNode lastLineJson() throws IOException {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    /** Runs {@code evaluate} in-process with JSON output, without progress bars, the report in a fresh directory unless given. */
    private static Run run(String... args) throws IOException {
        CommandLine cli = ReelFm.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> full = new ArrayList<>(List.of("evaluate", "--no-progress", "--format", "json"));
        if (!List.of(args).contains("--out")) {
            full.addAll(List.of("--out", Files.createTempDirectory(root, "report").toString()));
        }
        full.addAll(List.of(args));
        int code = cli.execute(full.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertFiniteRankingMetrics(JsonNode fold) {
        for (String metric : List.of("precision", "recall", "ndcg", "hitRate", "coverage")) {
            assertThat(fold.get(metric).isNumber()).as(metric + " in " + fold).isTrue();
            assertThat(Double.isFinite(fold.get(metric).asDouble())).as(metric).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-100k", "ml-1m", "ml-latest-small"})
    void kFoldReadsEveryFormatAndItsGenres(String format) throws IOException {
        Run run = run("--data", root.resolve(format).toString(), "--learner", "pop", "--folds", "kfold:2", "--no-clusters");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("folds")).hasSize(2);
        assertThat(json.get("folds").get(0).get("name").asText()).isEqualTo("kfold-1/2");
        json.get("folds").forEach(EvaluateDataFormatsTest::assertFiniteRankingMetrics);
        assertThat(json.get("miscalibration").isNumber()).as("genres reach the miscalibration: " + json).isTrue();
    }

    @Test
    void csvKeepsHalfStarsTimesAndTheCatalogue() {
        EvaluationData data = EvaluateCommand.load(root.resolve("ml-latest-small"), null, null, "kfold:2", 42);
        RatingSet all = data.all();
        assertThat(all.size()).isEqualTo(RATINGS.size());
        Set<Float> values = new HashSet<>();
        for (int r = 0; r < all.size(); r++) {
            Rating expected = RATINGS.get(r);
            assertThat(all.value(r)).isEqualTo((float) expected.stars());
            assertThat(all.time(r)).isEqualTo(expected.seconds() * 1000L);
            values.add(all.value(r));
        }
        assertThat(values).contains(0.5f, 4.5f).anyMatch(v -> v != Math.rint(v));
        assertThat(data.side().item("3").year()).as("the year of the quoted title \"Movie 3, The (1993)\"").isEqualTo(1993);
        assertThat(data.side().item("3").genres()).containsExactly(genre(3), genre(5));
        assertThat(data.splits()).hasSize(2);
    }

    @Test
    void halfStarCsvEvaluatesWithAHalfStarThresholdAndClustersItsCatalogue() throws IOException {
        Path out = root.resolve("report-half-stars");
        Run run = run("--data", root.resolve("ml-latest-small").toString(), "--learner", "bias", "--iterations", "3",
                "--folds", "kfold:2", "--threshold", "4.5", "--cluster-max-k", "3", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("rmse").asDouble()).isBetween(0.2, 2.0);
        assertThat(json.get("mae").asDouble()).isBetween(0.1, json.get("rmse").asDouble());
        json.get("folds").forEach(EvaluateDataFormatsTest::assertFiniteRankingMetrics);
        assertThat(out.resolve("report.md")).content().contains("relevant = rating >= 4.5", "## Content clusters");
    }

    @Test
    void badLinesAreSkippedQuietlyUnlessNothingIsLeft() throws IOException {
        Path noisy = Files.createDirectories(root.resolve("noisy").resolve("ml-noisy"));
        writeCsv(noisy, List.of("1,2,not-a-rating,3", "x,y", "4,5,9.5,oops"));
        Run ok = run("--data", noisy.getParent().toString(), "--learner", "pop", "--folds", "time:3", "--no-clusters");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.err()).isEmpty();
        assertThat(ok.lastLineJson().get("folds").get(0).get("name").asText()).isEqualTo("time-last3");

        Path broken = Files.createDirectories(root.resolve("broken"));
        Files.write(broken.resolve("ratings.csv"), List.of("userId,movieId,rating,timestamp", "1,2,bad,3", "1,3"));
        Files.write(broken.resolve("movies.csv"), List.of("movieId,title,genres", "2,Two (2000),Drama"));
        Run none = run("--data", broken.toString(), "--folds", "kfold:2");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--data", "no ratings could be read", "2 bad lines", "ratings.csv:2");
    }

    @Test
    void canonicalFoldsOnlyForMovieLens100k() throws IOException {
        Run ml100k = run("--data", root.resolve("ml-100k").toString(), "--learner", "pop", "--folds", "u1", "--no-clusters");
        assertThat(ml100k.exitCode()).as(ml100k.err()).isZero();
        assertThat(ml100k.lastLineJson().get("folds").get(0).get("name").asText()).isEqualTo("u1");

        Run csv = run("--data", root.resolve("ml-latest-small").toString(), "--folds", "u1,u2");
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("--folds u1,u2", "ml-100k", "ml-latest-small", "kfold:K");
    }

    @Test
    void strongGeneralisationHoldsUsersOutAndRanksThemAfterFoldIn() throws IOException {
        Run run = run("--data", root.resolve("ml-1m").toString(), "--learner", "pop", "--folds", "strong", "--no-clusters");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("folds")).hasSize(1);
        JsonNode fold = json.get("folds").get(0);
        assertThat(fold.get("name").asText()).isEqualTo("strong-0.1");
        assertFiniteRankingMetrics(fold);

        Run share = run("--data", root.resolve("ml-1m").toString(), "--learner", "pop", "--folds", "strong:0.3", "--no-clusters");
        assertThat(share.exitCode()).as(share.err()).isZero();
        assertThat(share.lastLineJson().get("folds").get(0).get("name").asText()).isEqualTo("strong-0.3");

        Run bad = run("--data", root.resolve("ml-1m").toString(), "--folds", "strong:1.5");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--folds strong:F", "1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab", "dat", "csv"})
    void fixedTrainAndTestFilesInEveryRowFormat(String format) throws IOException {
        Path[] files = writeFixedSplit(format);
        Run bare = run("--train", files[0].toString(), "--test", files[1].toString(), "--learner", "bias",
                "--iterations", "3", "--folds", "u7-is-ignored");
        assertThat(bare.exitCode()).as(bare.err()).isZero();
        JsonNode json = bare.lastLineJson();
        assertThat(json.get("folds")).hasSize(1);
        assertThat(json.get("folds").get(0).get("name").asText()).isEqualTo("fixed");
        assertThat(json.get("rmse").asDouble()).isBetween(0.2, 2.0);
        assertThat(json.get("miscalibration").isNull()).as("no catalogue without --data").isTrue();

        Run withCatalogue = run("--train", files[0].toString(), "--test", files[1].toString(),
                "--data", root.resolve("ml-latest-small").toString(), "--learner", "pop", "--no-clusters");
        assertThat(withCatalogue.exitCode()).as(withCatalogue.err()).isZero();
        JsonNode fold = withCatalogue.lastLineJson().get("folds").get(0);
        assertThat(fold.get("name").asText()).isEqualTo("fixed");
        assertFiniteRankingMetrics(fold);
        assertThat(fold.get("miscalibration").isNumber()).as("genres from --data: " + fold).isTrue();
    }

    @Test
    void fixedSplitTellsHeaderlessCsvFromAHeaderAndKeepsHalfStars() throws IOException {
        Path dir = Files.createDirectories(root.resolve("fixed-headerless"));
        Path train = Files.write(dir.resolve("train.csv"), List.of("", "1,10,4.5", "1,11,0.5,1000", "2,10,3.5,1001", "2,12,5,1002"));
        Path test = Files.write(dir.resolve("test.csv"), List.of("1,12,2.5,1003", "2,11,1.5,1004"));
        EvaluationData data = EvaluateCommand.load(null, train, test, "u1", 1);
        RatingSet trainSet = data.splits().get(0).train();
        assertThat(trainSet.size()).isEqualTo(4);
        assertThat(trainSet.value(0)).isEqualTo(4.5f);
        assertThat(trainSet.time(0)).isZero();
        assertThat(trainSet.value(1)).isEqualTo(0.5f);
        assertThat(trainSet.time(1)).isEqualTo(1_000_000L);
        assertThat(data.splits().get(0).test().value(0)).isEqualTo(2.5f);
        assertThat(data.source()).isEqualTo(train);
    }

    @Test
    void trainAndTestMustComeTogether() throws IOException {
        Path[] files = writeFixedSplit("tab");
        Run trainOnly = run("--train", files[0].toString());
        assertThat(trainOnly.exitCode()).isEqualTo(2);
        assertThat(trainOnly.err()).contains("--train", "--test");
        Run testOnly = run("--data", root.resolve("ml-100k").toString(), "--test", files[1].toString());
        assertThat(testOnly.exitCode()).isEqualTo(2);
        assertThat(testOnly.err()).contains("--train", "--test");
        Run missing = run("--train", root.resolve("nope.tsv").toString(), "--test", files[1].toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--train", "nope.tsv");
        Path words = Files.write(root.resolve("words.txt"), List.of("just some words"));
        Run unknown = run("--train", words.toString(), "--test", files[1].toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--train", "cannot tell the row format");
    }
}
