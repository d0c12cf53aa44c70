package io.reelfm.core.eval.search;

import io.reelfm.core.eval.EvaluationReport;
import io.reelfm.core.eval.Evaluator;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.eval.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Evaluates every combination a search strategy proposes on the same splits, so rows of the
 * result table differ only by their parameters. The factory turns a combination into a trainer
 * and should reject an unknown name or a bad value with a message naming the parameter.
 */
public final class HyperparameterSearch {

    private final Evaluator evaluator;
    private final Function<Map<String, String>, RatingTrainer> factory;

    public HyperparameterSearch(Evaluator evaluator, Function<Map<String, String>, RatingTrainer> factory) {
        this.evaluator = evaluator;
        this.factory = factory;
    }

    /** @param onTrial called after each trial (e.g. to advance a progress bar) */
    public SearchResult run(ParameterSpace space, List<Map<String, String>> combinations, List<Split> splits,
            BiConsumer<Map<String, String>, EvaluationReport> onTrial) {
        List<SearchResult.Trial> trials = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            EvaluationReport report = evaluator.evaluate(factory.apply(combination), splits, Evaluator.Progress.NONE);
            onTrial.accept(combination, report);
            trials.add(new SearchResult.Trial(combination, report));
        }
        return new SearchResult(space.names(), trials);
    }
}
