package io.reelfm.launcher.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.content.ClusterProfile;
import io.reelfm.core.content.ContentClustering;
import io.reelfm.core.content.SameClusterHitRate;
import io.reelfm.core.eval.EvaluationReport;
import io.reelfm.core.eval.FoldResult;
import io.reelfm.core.eval.metrics.RankingResult;
import io.reelfm.core.eval.search.SearchResult;
import io.reelfm.trainer.evaluate.ContentClusterRun;
import io.reelfm.trainer.evaluate.FmItemClusterRun;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders an evaluation as a console/markdown table, a CSV of folds, and the one-line JSON summary. */
final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportWriter() {
    }

    static String foldTable(EvaluationReport report) {
        StringBuilder sb = new StringBuilder("| fold | RMSE | MAE | AUC | log-loss | P@K | R@K | NDCG@K | MAP@K | HR@K | coverage"
                + " | novelty | miscalibration | seconds |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FoldResult f : report.folds()) {
            RankingResult r = f.ranking();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f |%n", f.split(), cell(f.rmse()), cell(f.mae()),
                    cell(f.auc()), cell(f.logLoss()),
                    r == null ? "- | - | - | - | - | - | - | -" : String.format(Locale.ROOT, "%.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.3f | %s",
                            r.precision(), r.recall(), r.ndcg(), r.map(), r.hitRate(), r.coverage(), r.novelty(),
                            cell(r.miscalibration())), f.seconds()));
        }
        sb.append(String.format(Locale.ROOT, "| **mean** | **%s** | **%s** | %s | %s | %s | %s | **%s** | %s | %s | %s | %s | %s | %.1f |%n",
                cell(report.meanRmse()), cell(report.meanMae()), cell(report.meanAuc()), cell(report.meanLogLoss()),
                cell(report.meanRanking(RankingResult::precision)), cell(report.meanRanking(RankingResult::recall)),
                cell(report.meanRanking(RankingResult::ndcg)), cell(report.meanRanking(RankingResult::map)),
                cell(report.meanRanking(RankingResult::hitRate)), cell(report.meanRanking(RankingResult::coverage)),
                cell(report.meanRanking(RankingResult::novelty)), cell(report.meanRanking(RankingResult::miscalibration)),
                report.seconds()));
        return sb.toString();
    }

    /** Four decimals, or "-" when the metric does not apply (ratings of a ranking model, genres of a bare catalogue). */
    private static String cell(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String foldCsv(EvaluationReport report) {
        StringBuilder sb = new StringBuilder("fold,rmse,mae,auc,log_loss,precision,recall,ndcg,map,hit_rate,coverage,novelty,miscalibration,seconds\n");
        for (FoldResult f : report.folds()) {
            RankingResult r = f.ranking();
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%.3f%n", f.split(), csv(f.rmse()), csv(f.mae()), csv(f.auc()),
                    csv(f.logLoss()),
                    r == null ? ",,,,,,," : String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%s",
                            r.precision(), r.recall(), r.ndcg(), r.map(), r.hitRate(), r.coverage(), r.novelty(),
                            csv(r.miscalibration())), f.seconds()));
        }
        return sb.toString();
    }

    private static String csv(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    static String clusterTable(ContentClusterRun.Report report) {
        ContentClustering.Result result = report.clustering();
        SameClusterHitRate hits = report.hitRate();
        return selectionTable(result.selection())
                + String.format(Locale.ROOT, "%nPCA kept %d components (%.1f%% of the variance). Best k = %d.%n%n",
                        result.pca().components(), 100 * result.pca().keptVarianceRatio(), result.selection().best().k())
                + String.format(Locale.ROOT, "Same-cluster hit rate (first fold): %.4f of the (training like, test like) pairs of "
                        + "a user share a cluster, against %.4f for random clusters of the same sizes: lift %.2f (%d users, %d pairs).%n%n",
                        hits.hitRate(), hits.randomHitRate(), hits.lift(), hits.users(), hits.pairs())
                + profileTable(result.profiles());
    }

    static String fmClusterTable(FmItemClusterRun.Result result) {
        return selectionTable(result.selection())
                + String.format(Locale.ROOT, "%nBest k = %d; clusters described by their members' content features.%n%n",
                        result.selection().best().k())
                + profileTable(result.profiles());
    }

    private static String selectionTable(KSelection.Report report) {
        StringBuilder sb = new StringBuilder("| k | inertia | silhouette |\n|---|---|---|\n");
        for (KSelection.Score s : report.scores()) {
            sb.append(String.format(Locale.ROOT, "| %d | %.3f | %.4f |%n", s.k(), s.inertia(), s.silhouette()));
        }
        return sb.toString();
    }

    private static String profileTable(java.util.List<ClusterProfile> profiles) {
        StringBuilder sb = new StringBuilder("| cluster | movies | dominant features (cluster − catalogue mean, scaled) |\n|---|---|---|\n");
        for (ClusterProfile p : profiles) {
            StringBuilder features = new StringBuilder();
            for (ClusterProfile.Departure d : p.dominant()) {
                if (!features.isEmpty()) {
                    features.append(", ");
                }
                features.append(String.format(Locale.ROOT, "%s %+.2f", d.feature(), d.departure()));
            }
            sb.append("| ").append(p.cluster()).append(" | ").append(p.size()).append(" | ").append(features).append(" |\n");
        }
        return sb.toString();
    }

    static String markdown(String command, Map<String, String> settings, EvaluationReport report,
            Optional<ContentClusterRun.Report> clusters, Optional<FmItemClusterRun.Result> fmClusters, SearchResult search) {
        StringBuilder sb = new StringBuilder("# Evaluation report\n\n`").append(command).append("`\n\n## Settings\n\n");
        settings.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        if (search != null) {
            sb.append("\n## Hyperparameter search (sorted by ").append(search.orderedBy()).append(")\n\n")
                    .append(search.toMarkdown());
        }
        sb.append("\n## Results per fold (").append(report.learner()).append(")\n\n").append(foldTable(report));
        sb.append("\n![test RMSE per iteration](rmse-per-iteration.png)\n");
        clusters.ifPresent(c -> sb.append("\n## Content clusters\n\n![silhouette vs k](silhouette-vs-k.png)\n\n")
                .append(clusterTable(c)));
        fmClusters.ifPresent(c -> sb.append("\n## FM item-vector clusters\n\n![silhouette vs k](silhouette-vs-k-fm.png)\n\n")
                .append(fmClusterTable(c)));
        return sb.toString();
    }

    /** @param tuned what the learner's validation search chose (last fold), or null */
    static String jsonLine(EvaluationReport report, double seconds, SearchResult search, String tuned) {
        ObjectNode root = JSON.createObjectNode();
        root.put("learner", report.learner());
        if (tuned != null) {
            root.put("tuned", tuned);
        }
        putAccuracy(root, report.meanRmse(), report.meanMae(), report.meanAuc(), report.meanLogLoss());
        putNumber(root, "precision", report.meanRanking(RankingResult::precision));
        putNumber(root, "ndcg", report.meanRanking(RankingResult::ndcg));
        putNumber(root, "hitRate", report.meanRanking(RankingResult::hitRate));
        putNumber(root, "miscalibration", report.meanRanking(RankingResult::miscalibration));
        root.put("seconds", seconds);
        ArrayNode folds = root.putArray("folds");
        for (FoldResult f : report.folds()) {
            ObjectNode n = folds.addObject();
            n.put("name", f.split());
            putAccuracy(n, f.rmse(), f.mae(), f.auc(), f.logLoss());
            RankingResult r = f.ranking();
            if (r != null) {
                n.put("k", r.k());
                n.put("precision", r.precision());
                n.put("recall", r.recall());
                n.put("ndcg", r.ndcg());
                n.put("map", r.map());
                n.put("hitRate", r.hitRate());
                n.put("coverage", r.coverage());
                putNumber(n, "novelty", r.novelty());
                putNumber(n, "miscalibration", r.miscalibration());
            }
            n.put("seconds", f.seconds());
        }
        if (search != null) {
            ArrayNode trials = root.putArray("search");
            for (SearchResult.Trial t : search.trials()) {
                ObjectNode n = trials.addObject();
                t.parameters().forEach(n::put);
                n.put("rmse", t.report().meanRmse());
                n.put("mae", t.report().meanMae());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not render the JSON summary", e);
        }
    }

    /**
     * The error and classification metrics of a fold or of their mean; null when undefined (AUC or
     * log loss with one class, every one of them for a ranking model).
     */
    private static void putAccuracy(ObjectNode node, double rmse, double mae, double auc, double logLoss) {
        putNumber(node, "rmse", rmse);
        putNumber(node, "mae", mae);
        putNumber(node, "auc", auc);
        putNumber(node, "logLoss", logLoss);
    }

    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
