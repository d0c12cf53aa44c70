package io.reelfm.core.rank;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.metrics.RankingEvaluator;
import io.reelfm.core.eval.metrics.RankingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Chooses a ranking model's regularisation on the data at hand: a seeded share of each user's
 * interactions is set aside as a validation slice, candidates are fitted on the rest and the one
 * with the best NDCG on the slice wins. No constant tuned on one data set is trusted elsewhere;
 * the search is centred on values derived from the data (density, mean item count) and stops at
 * a time budget, keeping the best seen.
 */
public final class RankingTuner {

    /** One fitted candidate and how it ranked the validation slice. */
    public record Trial(String label, double ndcg, double precision, double seconds) {
    }

    /** The winner and every trial, in the order tried. */
    public record Result<P>(P best, List<Trial> trials) {
    }

    private final RankingConfig ranking;
    private final double share;
    private final long seed;
    private final Duration budget;

    /**
     * @param ranking how the validation lists are judged (the evaluation's own list length and threshold)
     * @param share   share of each user's interactions set aside (users with fewer than 5 keep all)
     * @param budget  search time after which no new candidate is started
     */
    public RankingTuner(RankingConfig ranking, double share, long seed, Duration budget) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share must be in (0, 1), got " + share);
        }
        this.ranking = ranking;
        this.share = share;
        this.seed = seed;
        this.budget = budget;
    }

    /**
     * The tuner the trainer and {@code reelfm evaluate --learner default} share: 10 % of each
     * user's interactions for validation, at most one minute of search.
     */
    public static RankingTuner standard(RankingConfig ranking, long seed) {
        return new RankingTuner(ranking, 0.1, seed, Duration.ofSeconds(60));
    }

    /** Most users whose lists a validation pass ranks: bounds the search's cost on large data sets. */
    static final int MAX_VALIDATION_USERS = 2000;

    /**
     * {fit, validation}: a random {@code share} of the rows of each user with at least 5, seeded.
     * When more than {@value #MAX_VALIDATION_USERS} users qualify, a seeded sample of that many
     * gives validation rows and the others keep all theirs for fitting, so ranking the validation
     * lists costs the same at 25M ratings as at 100K.
     */
    public RatingSet[] slice(RatingSet train) {
        int[][] byUser = train.rowsByUser();
        boolean[] validating = validationUsers(byUser);
        Random random = new Random(seed);
        List<Integer> fit = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int u = 0; u < byUser.length; u++) {
            int[] rows = byUser[u];
            int[] shuffled = rows.clone();
            for (int j = shuffled.length - 1; j > 0; j--) {
                int s = random.nextInt(j + 1);
                int t = shuffled[j];
                shuffled[j] = shuffled[s];
                shuffled[s] = t;
            }
            int hold = validating[u] ? (int) Math.max(1, Math.round(rows.length * share)) : 0;
            for (int j = 0; j < shuffled.length; j++) {
                (j < hold ? held : fit).add(shuffled[j]);
            }
        }
        return new RatingSet[] {train.select(fit.stream().mapToInt(Integer::intValue).toArray()),
            train.select(held.stream().mapToInt(Integer::intValue).toArray())};
    }

    private boolean[] validationUsers(int[][] byUser) {
        boolean[] out = new boolean[byUser.length];
        List<Integer> eligible = new ArrayList<>();
        for (int u = 0; u < byUser.length; u++) {
            if (byUser[u].length >= 5) {
                eligible.add(u);
            }
        }
        if (eligible.size() > MAX_VALIDATION_USERS) {
            java.util.Collections.shuffle(eligible, new Random(seed + 1));
        }
        for (int j = 0; j < Math.min(MAX_VALIDATION_USERS, eligible.size()); j++) {
            out[eligible.get(j)] = true;
        }
        return out;
    }

    /**
     * Regularisation of EASE: lambda on a grid relative to the mean number of interactions per
     * item (the diagonal of X^T X that lambda competes with), 0.25 to 32 times.
     */
    public Result<Double> ease(RatingSet train) {
        RatingSet[] parts = slice(train);
        Interactions fit = Interactions.of(parts[0], InteractionWeight.UNIFORM);
        double meanCount = fit.items() == 0 ? 1 : Math.max(1, fit.size() / (double) fit.items());
        List<Double> grid = new ArrayList<>();
        for (double m : new double[] {0.25, 0.5, 1, 2, 4, 8, 16, 32}) {
            grid.add(m * meanCount);
        }
        return line(grid, lambda -> new Ease(lambda).train(fit), parts, l -> String.format(java.util.Locale.ROOT,
                "lambda=%.1f", l));
    }

    /**
     * Regularisation, unobserved weight and liked-rating boost of iALS by coordinate search. The
     * unobserved weight starts at 10 times the density (all unobserved cells together then weigh
     * about ten times the observed ones), the regularisation at the base config's, the boost at
     * 1 on the data's own rating scale; each is doubled or halved (the boost also tried at 0)
     * while that improves validation NDCG by more than 0.001. Candidates train with half the
     * sweeps, which orders settings the same way at half the cost.
     */
    public Result<ImplicitAlsConfig> ials(RatingSet train, ImplicitAlsConfig base) {
        long start = System.nanoTime();
        RatingSet[] parts = slice(train);
        InteractionWeight scale = InteractionWeight.of(train, 1f);
        ImplicitAlsConfig probe = base.withIterations(Math.max(4, base.iterations() / 2));
        Interactions ids = Interactions.of(parts[0], InteractionWeight.UNIFORM);
        double[] best = {Math.min(10, Math.max(1e-4, 10 * ids.density())), base.prior().reg(), 1.0};
        double nu = base.prior().exponent();
        List<Trial> trials = new ArrayList<>();
        java.util.Map<String, Double> seen = new java.util.HashMap<>();
        double bestScore = score(probe, scale, parts, best, nu, trials, seen);
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
                    double s = score(probe, scale, parts, c, nu, trials, seen);
                    if (s > bestScore + 1e-3) {
                        bestScore = s;
                        best = c;
                        improved = true;
                    }
                }
            }
        }
        return new Result<>(base.withPrior(new ImplicitPrior(best[1], best[0], nu))
                .withWeight(scale.withBoost((float) best[2])), trials);
    }

    /** Candidate calibration strengths, weakest first. */
    private static final double[] CALIBRATION = {0.1, 0.2, 0.3, 0.4, 0.5};
    /** Share of the uncalibrated model's validation NDCG that calibration may cost. */
    static final double CALIBRATION_COST = 0.02;

    /**
     * How strongly lists are calibrated to each user's genre mix: the largest lambda whose
     * validation NDCG stays within {@value #CALIBRATION_COST} (as a share) of the uncalibrated
     * model's, so lists follow a user's taste as far as that costs almost nothing in accuracy; 0
     * when items carry no genres.
     */
    public Result<Double> calibration(RatingSet train, ImplicitAlsConfig chosen, GenreSource genres) {
        List<Trial> trials = new ArrayList<>();
        if (genres.count() == 0) {
            return new Result<>(0.0, trials);
        }
        long start = System.nanoTime();
        RatingSet[] parts = slice(train);
        Interactions fit = Interactions.of(parts[0], chosen.weight());
        ImplicitAlsModel model = new ImplicitAls(chosen).train(fit, ImplicitAls.SweepListener.NONE, validatedUsers(parts[1]));
        RankingEvaluator evaluator = new RankingEvaluator(ranking);
        double plain = evaluator.evaluate(parts[0], parts[1], model).ndcg();
        trials.add(new Trial("calibration=0", plain, Double.NaN, (System.nanoTime() - start) / 1e9));
        double best = 0;
        for (double lambda : CALIBRATION) {
            if (over(start)) {
                break;
            }
            long t0 = System.nanoTime();
            CalibratedModel calibrated = new CalibratedModel(model, fit, new CalibratedReranker(genres, lambda), ranking.k());
            RankingResult r = evaluator.evaluate(parts[0], parts[1], calibrated);
            trials.add(new Trial("calibration=" + lambda, r.ndcg(), r.precision(), (System.nanoTime() - t0) / 1e9));
            if (r.ndcg() < plain * (1 - CALIBRATION_COST)) {
                break;
            }
            best = lambda;
        }
        return new Result<>(best, trials);
    }

    /** The users with validation rows: the only ones whose lists a validation pass ranks. */
    private static java.util.function.IntPredicate validatedUsers(RatingSet validation) {
        java.util.BitSet users = new java.util.BitSet(validation.numUsers());
        for (int r = 0; r < validation.size(); r++) {
            users.set(validation.user(r));
        }
        return users::get;
    }

    private boolean over(long start) {
        return System.nanoTime() - start > budget.toNanos();
    }

    private double score(ImplicitAlsConfig probe, InteractionWeight scale, RatingSet[] parts, double[] c, double nu,
                         List<Trial> trials, java.util.Map<String, Double> seen) {
        String label = String.format(java.util.Locale.ROOT, "a0=%.4g reg=%.4g boost=%.3g", c[0], c[1], c[2]);
        Double known = seen.get(label);
        if (known != null) {
            return known;
        }
        long t0 = System.nanoTime();
        ImplicitAlsConfig config = probe.withPrior(new ImplicitPrior(c[1], c[0], nu)).withWeight(scale.withBoost((float) c[2]));
        ImplicitAlsModel model = new ImplicitAls(config).train(Interactions.of(parts[0], config.weight()),
                ImplicitAls.SweepListener.NONE, validatedUsers(parts[1]));
        RankingResult r = new RankingEvaluator(ranking).evaluate(parts[0], parts[1], model);
        trials.add(new Trial(label, r.ndcg(), r.precision(), (System.nanoTime() - t0) / 1e9));
        seen.put(label, r.ndcg());
        return r.ndcg();
    }

    private <P> Result<P> line(List<P> grid, Function<P, RatingPredictor> fit, RatingSet[] parts,
                               Function<P, String> label) {
        long start = System.nanoTime();
        List<Trial> trials = new ArrayList<>();
        P best = grid.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (P candidate : grid) {
            if (!trials.isEmpty() && over(start)) {
                break;
            }
            long t0 = System.nanoTime();
            RankingResult r = new RankingEvaluator(ranking).evaluate(parts[0], parts[1], fit.apply(candidate));
            trials.add(new Trial(label.apply(candidate), r.ndcg(), r.precision(), (System.nanoTime() - t0) / 1e9));
            if (r.ndcg() > bestScore) {
                bestScore = r.ndcg();
                best = candidate;
            }
        }
        return new Result<>(best, trials);
    }
}
