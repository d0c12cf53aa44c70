package io.reelfm.trainer.evaluate;

import io.reelfm.core.eval.search.ParameterSpace;
import java.util.List;
import java.util.Map;

/**
 * A hyperparameter search to run before the evaluation: the learner settings it varies and the
 * combinations of them it tries (every one for a grid, seeded draws for a random search).
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which builds it from its search options.
 */
public record SearchPlan(ParameterSpace space, List<Map<String, String>> combinations) {
}
