package io.reelfm.trainer.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.EvaluationReport;
import io.reelfm.core.eval.Evaluator;
import io.reelfm.core.eval.FoldResult;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.search.HyperparameterSearch;
import io.reelfm.core.eval.search.ParameterSpace;
import io.reelfm.core.eval.search.SearchResult;
import io.reelfm.core.eval.split.Split;
import io.reelfm.core.rank.AttributeAlsTrainer;
import io.reelfm.core.rank.EaseTrainer;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsTrainer;

/**
 * The work behind {@code reelfm evaluate} once its options are read: the hyperparameter search
 * if one was asked for, the chosen learner on every fold and the clusterings. Kept apart from
 * the command so the command is only options, report files, charts and console output.
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which runs it and
 * writes the report and charts from its {@link Outcome}.
 */
public final class EvaluationRun {

    /**
     * What one run measured and chose.
     *
     * @param curves test RMSE per iteration by series name: each searched combination's first fold, or each fold
     *               of the chosen learner without a search
     */
    public record Outcome(LearnerSpec chosen, EvaluationReport report, SearchResult search,
                   Optional<ContentClusterRun.Report> clusters, Optional<FmItemClusterRun.Result> fmItemClusters,
                   Optional<String> tuned, Map<String, List<Double>> curves) {
    }

    private final Path out;
    private final RankingConfig ranking;
    private final long seed;
    private final EvaluationProgress progress;
    private final SearchPlan searchPlan;
    private final ClusterPlan clusterPlan;

    /** @param searchPlan the hyperparameter search to run first, or null for none */
    public EvaluationRun(Path out, RankingConfig ranking, long seed, EvaluationProgress progress, SearchPlan searchPlan,
                  ClusterPlan clusterPlan) {
        this.out = out;
        this.ranking = ranking;
        this.seed = seed;
        this.progress = progress;
        this.searchPlan = searchPlan;
        this.clusterPlan = clusterPlan;
    }

    /** Runs everything, writing search.md/.csv into the output directory when searching. */
    public Outcome run(LearnerSpec base, EvaluationData loaded) throws IOException {
        SideInfo side = loaded.side();
        Path dir = loaded.source();
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        SearchResult searchResult = searchPlan != null ? search(base, side, loaded, curves) : null;
        LearnerSpec chosen = searchResult == null ? base : base.with(searchResult.best().parameters());
        RatingTrainer trainer = chosen.trainer(side, loaded.users(), loaded.items(), ranking);
        ItemGenres genres = ItemGenres.of(loaded.items(), side::genres);
        EvaluationReport report = evaluate(chosen, trainer, loaded, genres);
        if (searchResult == null) {
            for (FoldResult f : report.folds()) {
                curves.put(report.learner() + " " + f.split(), f.testRmsePerIteration());
            }
        }
        RatingSet firstTrain = loaded.splits().get(0).train();
        Optional<ContentClusterRun.Report> clusters = clusterPlan.content(dir, firstTrain, loaded.splits().get(0).test(),
                loaded.items(), seed, ranking.relevantThreshold());
        Optional<FmItemClusterRun.Result> fmItemClusters = clusterPlan.fmItems(trainer, dir, firstTrain, loaded.items(), seed);
        return new Outcome(chosen, report, searchResult, clusters, fmItemClusters, tunedSettings(trainer), curves);
    }

    /** Runs the search, writes search.md and search.csv, and records each combination's first-fold curve. */
    private SearchResult search(LearnerSpec base, SideInfo side, EvaluationData loaded, Map<String, List<Double>> curves)
            throws IOException {
        ParameterSpace space = searchPlan.space();
        List<Map<String, String>> combos = searchPlan.combinations();
        SearchResult result;
        try (EvaluationProgress.Task bar = progress.begin("search", combos.size())) {
            // ranking metrics only when a ranking learner takes part: they cost a ranked catalogue per test user
            boolean ranks = combos.stream().anyMatch(p -> base.with(p).ranking());
            HyperparameterSearch runner = new HyperparameterSearch(new Evaluator(ranks ? ranking : null),
                    p -> base.with(p).trainer(side, loaded.users(), loaded.items(), ranking));
            result = runner.run(space, combos, loaded.splits(), (p, r) -> {
                curves.put(String.join(" ", p.values()), r.folds().get(0).testRmsePerIteration());
                bar.step();
            });
        }
        Files.writeString(out.resolve("search.md"), result.toMarkdown(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("search.csv"), result.toCsv(), StandardCharsets.UTF_8);
        return result;
    }

    private EvaluationReport evaluate(LearnerSpec chosen, RatingTrainer trainer, EvaluationData loaded, ItemGenres genres) {
        long stepsPerFold = chosen.ranking() ? 1 : chosen.iterations();
        try (EvaluationProgress.Task bar = progress.begin("evaluate " + chosen.learner(),
                loaded.splits().size() * stepsPerFold)) {
            return new Evaluator(ranking, genres).evaluate(trainer, loaded.splits(),
                    new Evaluator.Progress() {
                        @Override
                        public void iterationDone(Split split, int iteration, double testRmse) {
                            bar.step();
                        }
                    });
        }
    }

    /** What the validation search chose on the last fold, for the learners that search. */
    private static Optional<String> tunedSettings(RatingTrainer trainer) {
        if (trainer instanceof ImplicitAlsTrainer t && t.lastChosen() != null) {
            return Optional.of(ialsSettings(t.lastChosen()));
        }
        if (trainer instanceof AttributeAlsTrainer t && t.lastChosen() != null) {
            return Optional.of(ialsSettings(t.lastChosen()) + String.format(Locale.ROOT, ", attribute strength %.0f, calibration %.2f",
                    t.lastStrength(), t.lastCalibration()));
        }
        if (trainer instanceof EaseTrainer e && !Double.isNaN(e.lastLambda())) {
            return Optional.of(String.format(Locale.ROOT, "lambda %.4g", e.lastLambda()));
        }
        return Optional.empty();
    }

    /** The implicit-ALS settings the search chose, shared by the learners built on it. */
    private static String ialsSettings(ImplicitAlsConfig c) {
        return String.format(Locale.ROOT, "reg %.4g, unobserved weight %.4g, liked boost %.3g on %.1f..%.1f",
                c.prior().reg(), c.prior().unobservedWeight(), c.weight().likedBoost(), c.weight().min(), c.weight().max());
    }
}
