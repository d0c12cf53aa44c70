package io.reelfm.core.eval.search;

import io.reelfm.core.eval.EvaluationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trials of a hyperparameter search sorted best first (lowest mean test RMSE, then lowest MAE),
 * rendered as a markdown table for reading and CSV for spreadsheets.
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
        sorted.sort(Comparator.comparingDouble((Trial t) -> t.report().meanRmse())
                .thenComparingDouble(t -> t.report().meanMae()));
        this.trials = List.copyOf(sorted);
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
        sb.append("RMSE | MAE | AUC | seconds |\n|---|");
        parameterNames.forEach(n -> sb.append("---|"));
        sb.append("---|---|---|---|\n");
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            sb.append("| ").append(i + 1).append(" | ");
            parameterNames.forEach(n -> sb.append(t.parameters().get(n)).append(" | "));
            sb.append(String.format(Locale.ROOT, "%.4f | %.4f | %.4f | %.1f |%n", t.report().meanRmse(),
                    t.report().meanMae(), t.report().meanAuc(), t.report().seconds()));
        }
        return sb.toString();
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder("rank,");
        parameterNames.forEach(n -> sb.append(csv(n)).append(','));
        sb.append("rmse,mae,auc,seconds\n");
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            sb.append(i + 1).append(',');
            parameterNames.forEach(n -> sb.append(csv(t.parameters().get(n))).append(','));
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.3f%n", t.report().meanRmse(), t.report().meanMae(),
                    t.report().meanAuc(), t.report().seconds()));
        }
        return sb.toString();
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
