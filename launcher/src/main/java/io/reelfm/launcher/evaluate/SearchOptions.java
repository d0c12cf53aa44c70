package io.reelfm.launcher.evaluate;

import io.reelfm.core.eval.search.ParameterSpace;
import io.reelfm.trainer.evaluate.LearnerSpec;
import io.reelfm.trainer.evaluate.SearchPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --search}, {@code --trials} and the {@code --grid-*} values of {@code evaluate}: which
 * learner settings a hyperparameter search tries. A grid value left out searches only the
 * corresponding single-run option.
 */
final class SearchOptions {

    @Option(names = "--search", paramLabel = "grid|random", description = "Run a hyperparameter search over the --grid-* values.")
    String search;

    @Option(names = "--trials", defaultValue = "10", description = "Combinations drawn by --search random (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--grid-learner", paramLabel = "LIST", description = "Search values of learner, comma separated (default: --learner).")
    String gridLearner;

    @Option(names = "--grid-factors", paramLabel = "LIST", description = "Search values of factors (default: --factors).")
    String gridFactors;

    @Option(names = "--grid-iterations", paramLabel = "LIST", description = "Search values of iterations (default: --iterations).")
    String gridIterations;

    @Option(names = "--grid-reg", paramLabel = "LIST", description = "Search values of reg (default: --reg).")
    String gridReg;

    @Option(names = "--grid-features", paramLabel = "SETS", description = "Search feature sets separated by ';', e.g. 'user,item;user,item,genres' (default: --features).")
    String gridFeatures;

    /** The search these options ask for, or null without {@code --search}. */
    SearchPlan plan(LearnerSpec base, long seed) {
        if (search == null) {
            return null;
        }
        ParameterSpace space = space(base);
        return new SearchPlan(space, combinations(space, seed));
    }

    /** @throws IllegalArgumentException naming {@code --search} when it is neither grid nor random */
    void validate() {
        if (search != null && !search.equals("grid") && !search.equals("random")) {
            throw new IllegalArgumentException("--search: '" + search + "' is not grid or random");
        }
    }

    private ParameterSpace space(LearnerSpec base) {
        Map<String, String> defaults = base.describe();
        return new ParameterSpace()
                .add("learner", list(gridLearner, defaults.get("learner"), ","))
                .add("factors", list(gridFactors, defaults.get("factors"), ","))
                .add("iterations", list(gridIterations, defaults.get("iterations"), ","))
                .add("reg", list(gridReg, defaults.get("reg"), ","))
                .add("features", list(gridFeatures, defaults.get("features"), ";").stream()
                        .map(f -> LearnerSpec.formatFeatures(LearnerSpec.parseFeatures(f))).toList());
    }

    /** Every combination of the space for a grid search, or {@code --trials} seeded draws for a random one. */
    private List<Map<String, String>> combinations(ParameterSpace space, long seed) {
        return search.equals("grid") ? space.grid() : space.random(trials, seed);
    }

    private static List<String> list(String csv, String fallback, String separator) {
        if (csv == null || csv.isBlank()) {
            return List.of(fallback);
        }
        return Arrays.stream(csv.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
