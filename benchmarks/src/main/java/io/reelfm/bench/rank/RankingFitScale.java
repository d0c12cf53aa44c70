package io.reelfm.bench.rank;

import io.reelfm.bench.scale.GeneratedScaleSet;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.rank.AttributeAls;
import io.reelfm.core.rank.AttributeRows;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.rank.RankingTuner;
import io.reelfm.core.rank.SideAttributes;


/**
 * Fit time and memory of the ranking model on a generated set of any size (default shaped like
 * MovieLens 25M: 162,000 users, 62,000 items, 25M half-star ratings, Zipf popularity, with the
 * generator's genres, years and profiles): the validation searches alone (iALS settings, the
 * attribute strength, the calibration strength; each one-minute budget bounds how many candidates
 * start, the first always runs), then the full fit
 * of the attribute model with the served settings as the trainer runs it (item vectors only:
 * serving folds users in). {@code -Dattributes=false} fits plain iALS, the previous default.
 * Peak heap is the sum of the heap pools' peaks.
 *
 * <p>Run: {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar io.reelfm.bench.rank.RankingFitScale [users items ratings]}
 */
public final class RankingFitScale {

    private RankingFitScale() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        boolean attributes = !"false".equals(System.getProperty("attributes"));
        GeneratedScaleSet set = GeneratedScaleSet.fromArgs(args);
        RatingSet data = set.ratings();
        SideInfo side = set.side();
        IdIndex userIndex = set.users();
        IdIndex itemIndex = set.items();
        AttributeRows userRows = SideAttributes.users(side, userIndex);
        AttributeRows itemRows = SideAttributes.items(side, itemIndex);
        System.out.printf("generated %,d ratings (%,d users, %,d items; %d user and %d item attributes) in %.1f s%n",
                data.size(), data.numUsers(), data.numItems(), userRows.attributes(), itemRows.attributes(),
                (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        ImplicitAlsConfig base = ImplicitAlsConfig.defaults();
        RankingTuner tuner = RankingTuner.standard(RankingConfig.DEFAULT, 42);
        System.out.printf("search sample: at most %,d ratings (%d cores)%n", tuner.sampleFor(base).maxRatings(),
                Runtime.getRuntime().availableProcessors());
        RankingTuner.Result<ImplicitAlsConfig> tuned = tuner.ials(data, base);
        System.out.printf("validation search: %d candidates in %.1f s, chose %s%n", tuned.trials().size(),
                (System.nanoTime() - t1) / 1e9, tuned.best().prior());
        ImplicitAlsConfig served = tuned.best();
        double strength = 1;
        if (attributes) {
            long ts = System.nanoTime();
            RankingTuner.Result<Double> s = tuner.attributeStrength(data, served, userRows, itemRows);
            strength = s.best();
            System.out.printf("attribute strength search: %d candidates in %.1f s, chose %.0f%n", s.trials().size(),
                    (System.nanoTime() - ts) / 1e9, strength);
        }

        long tc = System.nanoTime();
        ItemGenres genres = ItemGenres.of(itemIndex, side::genres);
        double finalStrength = strength;
        RankingTuner.Result<Double> calibration = attributes
                ? tuner.calibration(data, served, genres, userRows, (fit, sampleUsers, validated) ->
                        new AttributeAls(served, finalStrength).train(fit, sampleUsers, itemRows,
                                ImplicitAls.SweepListener.NONE, validated))
                : tuner.calibration(data, served, genres);
        System.out.printf("calibration search: %d candidates in %.1f s, chose %.1f%n", calibration.trials().size(),
                (System.nanoTime() - tc) / 1e9, calibration.best());

        long t2 = System.nanoTime();
        Interactions interactions = Interactions.of(data, served.weight());
        long t3 = System.nanoTime();
        ImplicitAls.SweepListener progress = sweep -> System.out.printf("  sweep %d at %.1f s%n", sweep,
                (System.nanoTime() - t2) / 1e9);
        if (attributes) {
            new AttributeAls(served, strength).train(interactions, userRows, itemRows, progress, user -> false);
        } else {
            new ImplicitAls(served).train(interactions, progress, user -> false);
        }
        System.out.printf("full fit (%s, k=%d, %d sweeps): interactions %.1f s, training %.1f s%n",
                attributes ? "attribute model" : "iALS", served.factors(), served.iterations(), (t3 - t2) / 1e9,
                (System.nanoTime() - t3) / 1e9);
        long peak = GeneratedScaleSet.peakHeap();
        System.out.printf("peak heap %.2f GB%n", peak / 1e9);
        InteractionWeight w = served.weight();
        System.out.printf("scale %.1f..%.1f%n", w.min(), w.max());
    }
}
