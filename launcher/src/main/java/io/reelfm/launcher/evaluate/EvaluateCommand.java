package io.reelfm.launcher.evaluate;

import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.datasets.model.Ml100k;
import io.reelfm.launcher.replay.DataSets;
import io.reelfm.launcher.replay.ProgressOption;
import io.reelfm.trainer.evaluate.EvaluationData;
import io.reelfm.trainer.evaluate.EvaluationRun;
import io.reelfm.trainer.evaluate.LearnerSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm evaluate}: offline accuracy of a learner on the folds of any data set replay reads, with a
 * markdown + CSV report and PNG charts, or a hyperparameter search. Everything measured comes
 * from recommender-core's harness, so the numbers match what the trainer service would learn.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate learners offline on a data set: rating and ranking metrics per fold, a report and charts.",
                "Reads any data set replay reads (or a fixed train/test split); measures RMSE, MAE, AUC and top-K ranking",
                "metrics (precision, recall, NDCG, MAP, hit rate, coverage, novelty, genre miscalibration) per fold, and writes",
                "a report (markdown + CSV) and charts (test RMSE per iteration, silhouette vs k of content clusters)."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A data set directory in any format replay reads (MovieLens 100K, 1M, CSV such as latest-small/25M; detected);"
                    + " its movies and users feed the FM features and genre miscalibration. With --train/--test it is optional and"
                    + " only supplies that catalogue and those profiles (default without --train: env REELFM_ML100K, else"
                    + " the copy ./reelfm data download movielens-100k keeps in the cache, else"
                    + " shared/data/movielens/ml-100k above the working directory).")
    Path data;

    @Option(names = "--folds", paramLabel = "SPEC", defaultValue = "u1,u2,u3,u4,u5",
            description = "u1..u5 (the canonical files of MovieLens 100K only), kfold:K (seeded K-fold), time[:N|:F] (per-user"
                    + " holdout of the N latest ratings, default 10, or the latest fraction F) or strong[:F] (strong generalisation:"
                    + " a share F of the users, default 0.1, held out whole; their later 20%% is tested after folding in the rest)"
                    + " or cold-items[:F] (item cold start: a share F of the items, default 0.1, held out whole; each user ranks"
                    + " only those);"
                    + " all but u1..u5 are cut from all the data set's ratings. Ignored with --train/--test (default: ${DEFAULT-VALUE}).")
    String folds;

    @Option(names = "--train", paramLabel = "FILE",
            description = "With --test: evaluate on this fixed split (named 'fixed') instead of --folds. Rows user, item, rating[, timestamp]"
                    + " separated by tabs (u.data), '::' (ratings.dat) or commas (CSV, userId,movieId,rating,timestamp header); detected.")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "The test side of --train's fixed split, in any of the same row formats.")
    Path test;

    @Option(names = "--learner", defaultValue = "mcmc",
            description = {"mcmc, als, sgd (factorization machines), bias (baseline); ranking models: ials (implicit ALS),",
                    "fm-rank (implicit ALS with genre, decade and profile embeddings, for new items and profile-only users),",
                    "ease, pop (most popular), default (what the trainer serves by default), deepfm (its lists re-ranked",
                    "by a DeepFM network) (default: ${DEFAULT-VALUE})."})
    String learner;

    @Option(names = "--factors", paramLabel = "K", description = "Factors (default: 64 for ials, fm-rank and default, 8 for FM; for deepfm the network's"
            + " embedding size, default 16).")
    Integer factors;

    @Option(names = "--features", paramLabel = "GROUPS", defaultValue = "user,item",
            description = "FM feature groups: user,item,genres,year,profile,implicit (the items a user rated),"
                    + " raters (the users who rated an item) (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--iterations", paramLabel = "N",
            description = "MCMC samples, ALS or iALS sweeps, SGD epochs, bias passes or deepfm's most epochs"
                    + " (default: 16 for ials, fm-rank and default, 8 for deepfm, else 50).")
    Integer iterations;

    @Option(names = "--reg", paramLabel = "L2|auto", defaultValue = "auto",
            description = {"L2 on factors for ALS/SGD (linear weights keep the tuned ratio), damping for bias, lambda for ease,",
                    "reg for ials and fm-rank; auto = ALS 8, SGD 0.12, bias 3, and for ease, ials and fm-rank chosen on a validation slice of",
                    "each training fold; MCMC learns its own (default: ${DEFAULT-VALUE})."})
    String reg;

    @Option(names = "--learn-rate", paramLabel = "RATE", defaultValue = "0.015",
            description = "SGD step size of the first epoch, decaying as RATE / (1 + 0.05 * epoch) (default: ${DEFAULT-VALUE}).")
    double learnRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of splits, learners and clustering (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "List length of the ranking metrics (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--threshold", paramLabel = "RATING", defaultValue = "4",
            description = "A test rating at or above this is relevant / positive (default: ${DEFAULT-VALUE}).")
    float threshold;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "evaluation-report",
            description = "Where report.md, folds.csv, search.md/.csv and the PNG charts go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", defaultValue = "table",
            description = "table (human) or json (one JSON object on the last line of stdout) (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    SearchOptions searchOptions;

    @Mixin
    ClusterOptions clusterOptions;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        LearnerSpec base;
        EvaluationData loaded;
        try {
            if (!format.equals("table") && !format.equals("json")) {
                throw new IllegalArgumentException("--format: '" + format + "' is not table or json");
            }
            searchOptions.validate();
            base = new LearnerSpec(learner, factors != null ? factors : LearnerSpec.defaultFactors(learner),
                    iterations != null ? iterations : LearnerSpec.defaultIterations(learner), LearnerSpec.parseReg(reg),
                    learnRate, LearnerSpec.parseFeatures(features), seed);
            new RankingConfig(k, threshold);
            Path dir = data != null || train != null || test != null ? data : Ml100k.locate()
                    .orElseThrow(() -> new IllegalArgumentException("--data: not given and no MovieLens 100K directory found"));
            loaded = load(dir, train, test, folds, seed);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Files.createDirectories(out);
        EvaluationRun.Outcome outcome = new EvaluationRun(out, new RankingConfig(k, threshold), seed,
                ProgressDisplay.of(progressOption.enabled()), searchOptions.plan(base, seed), clusterOptions.plan())
                .run(base, loaded);
        drawCharts(outcome);
        writeReport(outcome, loaded.source());
        print(outcome, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * {@code --data} opened, with errors naming the option, and the splits read from it (or from the fixed pair).
     *
     * @throws IllegalArgumentException with a message naming the option at fault
     */
    static EvaluationData load(Path dir, Path train, Path test, String folds, long seed) {
        return EvaluationData.load(dir, dir == null ? null : DataSets.open(dir), train, test, folds, seed);
    }

    /** The PNG charts: test RMSE per iteration, and silhouette vs k of each clustering that ran. */
    private void drawCharts(EvaluationRun.Outcome o) throws IOException {
        Charts.rmsePerIteration(o.curves(), out.resolve("rmse-per-iteration.png"));
        if (o.clusters().isPresent()) {
            Charts.silhouetteVsK(o.clusters().get().clustering().selection(), "content features", out.resolve("silhouette-vs-k.png"));
        }
        if (o.fmItemClusters().isPresent()) {
            Charts.silhouetteVsK(o.fmItemClusters().get().selection(), "FM item vectors", out.resolve("silhouette-vs-k-fm.png"));
        }
    }

    private void writeReport(EvaluationRun.Outcome o, Path dir) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(o.chosen().describe());
        settings.put("data", String.valueOf(dir));
        settings.put("folds", folds);
        settings.put("seed", Long.toString(seed));
        settings.put("ranking", "top-" + k + ", relevant = rating >= " + threshold + ", training items excluded");
        o.tuned().ifPresent(t -> settings.put("tuned (last fold)", t));
        Files.writeString(out.resolve("report.md"), ReportWriter.markdown("reelfm evaluate " + String.join(" ", commandArgs()),
                settings, o.report(), o.clusters(), o.fmItemClusters(), o.search()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("folds.csv"), ReportWriter.foldCsv(o.report()), StandardCharsets.UTF_8);
    }

    private void print(EvaluationRun.Outcome o, double seconds) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.equals("json")) {
            stdout.println(ReportWriter.jsonLine(o.report(), seconds, o.search(), o.tuned().orElse(null)));
        } else {
            if (o.search() != null) {
                stdout.println(o.search().toMarkdown());
            }
            stdout.println(ReportWriter.foldTable(o.report()));
            o.clusters().ifPresent(c -> stdout.println(ReportWriter.clusterTable(c)));
            o.fmItemClusters().ifPresent(c -> stdout.println(ReportWriter.fmClusterTable(c)));
            stdout.printf("Report written to %s (%.1f s)%n", out.toAbsolutePath(), seconds);
        }
        stdout.flush();
    }

    private List<String> commandArgs() {
        if (spec.commandLine().getParseResult() == null) {
            return List.of();
        }
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return !args.isEmpty() && args.get(0).equals(spec.name()) ? args.subList(1, args.size()) : args;
    }
}
