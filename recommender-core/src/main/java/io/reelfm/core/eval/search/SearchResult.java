package io.reelfm.core.eval.search;

import io.reelfm.core.eval.EvaluationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trials of a hyperparameter search sorted best first: lowest mean test RMSE, then lowest MAE,
 * when any trial predicts ratings; by highest mean NDCG when all are ranking models (which have no
 * RMSE). Rendered as a markdown table for reading and CSV for spreadsheets, with the ranking
 * metrics beside the rating ones.
 */
public final class SearchResult {

    /** One evaluated combination. */
    public record Trial(Map<String, String> parameters, EvaluationReport report) {
    }

    private final List<String> parameterNames;
    private final List<Trial> trials;

    public SearchResult(List<String> parameterNames, List<Trial> trials) {
        this.parameterNames = List.copyOf(parameterNames);
        List<Trial> sorted = new ArrayList<>(trials);
        this.byRmse = trials.stream().anyMatch(t -> Double.isFinite(t.report().meanRmse()));
        Comparator<Trial> ndcgFirst = Comparator.comparingDouble((Trial t) -> orZero(ndcg(t))).reversed();
        sorted.sort(byRmse ? Comparator.comparingDouble((Trial t) -> t.report().meanRmse())
                .thenComparingDouble(t -> t.report().meanMae()).thenComparing(ndcgFirst) : ndcgFirst);
        this.trials = List.copyOf(sorted);
    }

    private final boolean byRmse;

    /** What the trials are sorted by, for the report's heading. */
    public String orderedBy() {
        return byRmse ? "mean test RMSE" : "mean NDCG@K";
    }

    private static double ndcg(Trial t) {
        return t.report().meanRanking(io.reelfm.core.eval.metrics.RankingResult::ndcg);
    }

    private static double precision(Trial t) {
        return t.report().meanRanking(io.reelfm.core.eval.metrics.RankingResult::precision);
    }

    /** NDCG for sorting: a trial without ranking metrics sorts last. */
    private static double orZero(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    public List<Trial> trials() {
        return trials;
    }

    public Trial best() {
        return trials.get(0);
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| rank | ");
        parameterNames.forEach(n -> sb.append(n).append(" | "));
        sb.append("RMSE | MAE | AUC | NDCG@K | P@K | seconds |\n|---|");
        parameterNames.forEach(n -> sb.append("---|"));
        sb.append("---|---|---|---|---|---|\n");
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            sb.append("| ").append(i + 1).append(" | ");
            parameterNames.forEach(n -> sb.append(t.parameters().get(n)).append(" | "));
            sb.append(String.format(Locale.ROOT, "%s | %s | %s | %s | %s | %.1f |%n", cell(t.report().meanRmse()),
                    cell(t.report().meanMae()), cell(t.report().meanAuc()), cell(ndcg(t)), cell(precision(t)),
                    t.report().seconds()));
        }
        return sb.toString();
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder("rank,");
        parameterNames.forEach(n -> sb.append(csv(n)).append(','));
        sb.append("rmse,mae,auc,ndcg,precision,seconds\n");
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            sb.append(i + 1).append(',');
            parameterNames.forEach(n -> sb.append(csv(t.parameters().get(n))).append(','));
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%.6f,%.3f%n", t.report().meanRmse(),
                    t.report().meanMae(), t.report().meanAuc(), ndcg(t), precision(t), t.report().seconds()));
        }
        return sb.toString();
    }

    /** A metric for the table: four decimals, or "-" when the learner does not have it. */
    private static String cell(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
