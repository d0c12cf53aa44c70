package io.reelfm.core.eval.metrics;

import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import java.util.BitSet;

/**
 * Ranks the whole catalogue for each test user, excluding the items of their history (their
 * training ratings, or under strong generalisation their fold-in ratings), and averages the
 * top-K metrics over users with at least one relevant test item. Catalogue coverage counts the
 * distinct items that appear in any list; novelty and genre miscalibration describe what kind of
 * list it is, beside how accurate.
 */
public final class RankingEvaluator {

    /** Share of the history's genre mix blended into the list's, so KL stays finite (Steck 2018). */
    static final double CALIBRATION_SMOOTHING = 0.01;

    private final RankingConfig config;
    private final ItemGenres genres;

    public RankingEvaluator(RankingConfig config) {
        this(config, null);
    }

    /** @param genres item genres for miscalibration; null reports it as NaN */
    public RankingEvaluator(RankingConfig config, ItemGenres genres) {
        this.config = config;
        this.genres = genres;
    }

    /** Users of {@code test} ranked by the trained model, excluding their {@code train} items. */
    public RankingResult evaluate(RatingSet train, RatingSet test, RatingPredictor predictor) {
        return evaluate(train, test, predictor, null);
    }

    /**
     * The same with the lists drawn from {@code candidates} only (the item cold-start protocol
     * ranks just the held-out items, {@link io.reelfm.core.eval.split.Splits#coldItems}).
     *
     * @param candidates the items a list may hold; null for the whole catalogue
     */
    public RankingResult evaluate(RatingSet train, RatingSet test, RatingPredictor predictor, BitSet candidates) {
        return run(train, train, test, (u, items, values, out) -> predictor.scoreAll(u, out), candidates);
    }

    /**
     * Strong generalisation: each user of {@code test} is scored from their {@code history} rows
     * alone through {@code scorer}; {@code train} (the other users) only sets item popularity for
     * novelty.
     */
    public RankingResult evaluateFoldIn(RatingSet train, RatingSet history, RatingSet test, HistoryScorer scorer) {
        return run(train, history, test, (u, items, values, out) -> scorer.scoreHistory(u, items, values, out), null);
    }

    @FunctionalInterface
    private interface UserScores {
        void score(int user, int[] items, float[] values, float[] out);
    }

    private RankingResult run(RatingSet train, RatingSet history, RatingSet test, UserScores scoring,
                              BitSet candidates) {
        int[][] historyRows = history.rowsByUser();
        int[][] testRows = test.rowsByUser();
        int numItems = test.numItems();
        double[] selfInformation = selfInformation(train, numItems);
        float[] scores = new float[numItems];
        BitSet recommended = new BitSet(numItems);
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        double hitRate = 0;
        double novelty = 0;
        double miscalibration = 0;
        int calibrated = 0;
        int users = 0;
        for (int u = 0; u < testRows.length; u++) {
            BitSet relevant = new BitSet(numItems);
            for (int r : testRows[u]) {
                if (test.value(r) >= config.relevantThreshold()) {
                    relevant.set(test.item(r));
                }
            }
            if (relevant.isEmpty()) {
                continue;
            }
            int[] rows = u < historyRows.length ? historyRows[u] : new int[0];
            int[] items = new int[rows.length];
            float[] values = new float[rows.length];
            BitSet seen = new BitSet(numItems);
            if (candidates != null) {
                seen.set(0, numItems);
                seen.andNot(candidates);
            }
            for (int j = 0; j < rows.length; j++) {
                items[j] = history.item(rows[j]);
                values[j] = history.value(rows[j]);
                seen.set(items[j]);
            }
            scoring.score(u, items, values, scores);
            ScoredItems top = TopK.select(scores, config.k(), seen);
            int[] ranked = top.indices();
            double info = 0;
            for (int item : ranked) {
                recommended.set(item);
                info += selfInformation[item];
            }
            novelty += ranked.length == 0 ? 0 : info / ranked.length;
            precision += RankingMetrics.precisionAtK(ranked, relevant, config.k());
            recall += RankingMetrics.recallAtK(ranked, relevant, config.k());
            ndcg += RankingMetrics.ndcgAtK(ranked, relevant, config.k());
            map += RankingMetrics.averagePrecisionAtK(ranked, relevant, config.k());
            hitRate += RankingMetrics.hitRateAtK(ranked, relevant, config.k());
            double kl = miscalibration(items, ranked);
            if (!Double.isNaN(kl)) {
                miscalibration += kl;
                calibrated++;
            }
            users++;
        }
        double calibration = calibrated == 0 ? Double.NaN : miscalibration / calibrated;
        if (users == 0) {
            return new RankingResult(config.k(), 0, 0, 0, 0, 0, 0, 0, Double.NaN, calibration);
        }
        return new RankingResult(config.k(), precision / users, recall / users, ndcg / users, map / users,
                hitRate / users, recommended.cardinality() / (double) numItems, users, novelty / users, calibration);
    }

    /** {@code -log2(p_i)} with p_i the share of training users who rated item i (an unrated item counts as one). */
    private static double[] selfInformation(RatingSet train, int numItems) {
        int[] counts = new int[numItems];
        boolean[] active = new boolean[train.numUsers()];
        int users = 0;
        for (int r = 0; r < train.size(); r++) {
            counts[train.item(r)]++;
            if (!active[train.user(r)]) {
                active[train.user(r)] = true;
                users++;
            }
        }
        double[] out = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            out[i] = -Math.log(Math.min(1.0, Math.max(1, counts[i]) / (double) Math.max(1, users))) / Math.log(2);
        }
        return out;
    }

    /** KL(p || (1 - a) q + a p) of the history's genre mix p and the list's q; NaN without genres. */
    private double miscalibration(int[] history, int[] list) {
        if (genres == null || genres.count() == 0) {
            return Double.NaN;
        }
        double[] p = new double[genres.count()];
        double[] q = new double[genres.count()];
        int pn = 0;
        for (int i : history) {
            pn += genres.addTo(i, p) ? 1 : 0;
        }
        int qn = 0;
        for (int i : list) {
            qn += genres.addTo(i, q) ? 1 : 0;
        }
        if (pn == 0) {
            return Double.NaN;
        }
        double kl = 0;
        for (int g = 0; g < p.length; g++) {
            double pg = p[g] / pn;
            if (pg == 0) {
                continue;
            }
            double qg = qn == 0 ? 0 : q[g] / qn;
            double smoothed = (1 - CALIBRATION_SMOOTHING) * qg + CALIBRATION_SMOOTHING * pg;
            kl += pg * Math.log(pg / smoothed);
        }
        return kl;
    }
}
