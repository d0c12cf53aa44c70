package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.metrics.RankingEvaluator;
import io.reelfm.core.eval.metrics.RankingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coordinate search behind {@link RankingTuner#ials}: unlike EASE's single lambda, iALS has
 * three interacting settings, so they are moved one at a time from a data-derived start, and a
 * setting reached twice is not fitted again.
 */
final class IalsSearch {

    private final RankingConfig ranking;
    private final Duration budget;
    private final ValidationSlice slice;
    private final SearchSample sample;
    private final List<RankingTuner.Trial> trials = new ArrayList<>();
    private final Map<String, Double> seen = new HashMap<>();

    IalsSearch(RankingConfig ranking, Duration budget, ValidationSlice slice, SearchSample sample) {
        this.ranking = ranking;
        this.budget = budget;
        this.slice = slice;
        this.sample = sample;
    }

    /** The best setting found on the validation slice of {@code train}; see {@link RankingTuner#ials}. */
    RankingTuner.Result<ImplicitAlsConfig> run(RatingSet train, ImplicitAlsConfig base) {
        long start = System.nanoTime();
        // the rating scale comes from every rating; candidates fit on the search sample
        RatingSet[] parts = slice.split(sample.of(train).ratings());
        InteractionWeight scale = InteractionWeight.of(train, 1f);
        ImplicitAlsConfig probe = base.withIterations(Math.max(4, base.iterations() / 2));
        Interactions ids = Interactions.of(parts[0], InteractionWeight.UNIFORM);
        double[] best = {Math.min(10, Math.max(1e-4, 10 * ids.density())), base.prior().reg(), 1.0};
        double nu = base.prior().exponent();
        double bestScore = score(probe, scale, parts, best, nu);
        boolean improved = true;
        while (improved && !over(start)) {
            improved = false;
            for (int coordinate = 0; coordinate < best.length && !over(start); coordinate++) {
                double[] moves = coordinate == 2 && best[2] == 1.0 ? new double[] {0.0, 2.0} : new double[] {0.5, 2.0};
                for (double factor : moves) {
                    if (over(start)) {
                        break;
                    }
                    double[] c = best.clone();
                    c[coordinate] *= factor;
                    double s = score(probe, scale, parts, c, nu);
                    if (s > bestScore + 1e-3) {
                        bestScore = s;
                        best = c;
                        improved = true;
                    }
                }
            }
        }
        return new RankingTuner.Result<>(base.withPrior(new ImplicitPrior(best[1], best[0], nu))
                .withWeight(scale.withBoost((float) best[2])), trials);
    }

    private boolean over(long start) {
        return System.nanoTime() - start > budget.toNanos();
    }

    private double score(ImplicitAlsConfig probe, InteractionWeight scale, RatingSet[] parts, double[] c, double nu) {
        String label = String.format(Locale.ROOT, "a0=%.4g reg=%.4g boost=%.3g", c[0], c[1], c[2]);
        Double known = seen.get(label);
        if (known != null) {
            return known;
        }
        long t0 = System.nanoTime();
        ImplicitAlsConfig config = probe.withPrior(new ImplicitPrior(c[1], c[0], nu)).withWeight(scale.withBoost((float) c[2]));
        ImplicitAlsModel model = new ImplicitAls(config).train(Interactions.of(parts[0], config.weight()),
                ImplicitAls.SweepListener.NONE, ValidationSlice.validatedUsers(parts[1]));
        RankingResult r = new RankingEvaluator(ranking).evaluate(parts[0], parts[1], model);
        trials.add(new RankingTuner.Trial(label, r.ndcg(), r.precision(), (System.nanoTime() - t0) / 1e9));
        seen.put(label, r.ndcg());
        return r.ndcg();
    }
}
