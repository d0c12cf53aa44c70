package io.reelfm.bench.rank;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.rank.AttributeAls;
import io.reelfm.core.rank.AttributeRows;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.rank.RankingTuner;
import io.reelfm.core.rank.SideAttributes;

import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticGenerator;
import io.reelfm.schemas.RatingScale;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

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
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 162_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 62_000;
        long ratings = args.length > 2 ? Long.parseLong(args[2]) : 25_000_000L;
        long t0 = System.nanoTime();
        boolean attributes = !"false".equals(System.getProperty("attributes"));
        IdIndex userIndex = new IdIndex();
        IdIndex itemIndex = new IdIndex();
        RatingSetBuilder builder = new RatingSetBuilder(userIndex, itemIndex);
        SyntheticGenerator generator = new SyntheticGenerator(SyntheticConfig.defaults().withSize(users, items, ratings)
                .withScale(RatingScale.HALF_STARS).withSeed(25));
        generator.ratings((u, i, rating, millis) -> builder.add(Integer.toString(u), Integer.toString(i), rating, millis));
        RatingSet data = builder.build();
        SideInfo side = SideInfo.empty();
        // the generator's catalogue and profiles are numbered from 1, its ratings from 0
        generator.movies(m -> side.putItem(Integer.toString(Integer.parseInt(m.itemId()) - 1),
                new ItemAttributes(m.year(), m.genres())));
        generator.users(u -> side.putUser(Integer.toString(Integer.parseInt(u.userId()) - 1),
                new UserAttributes(u.age(), u.gender(), u.occupation())));
        AttributeRows userRows = SideAttributes.users(side, userIndex);
        AttributeRows itemRows = SideAttributes.items(side, itemIndex);
        System.out.printf("generated %,d ratings (%,d users, %,d items; %d user and %d item attributes) in %.1f s%n",
                data.size(), data.numUsers(), data.numItems(), userRows.attributes(), itemRows.attributes(),
                (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        ImplicitAlsConfig base = ImplicitAlsConfig.defaults();
        RankingTuner tuner = RankingTuner.standard(RankingConfig.DEFAULT, 42);
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
                ? tuner.calibration(data, served, genres, (fit, validated) -> new AttributeAls(served, finalStrength)
                        .train(fit, userRows, itemRows, ImplicitAls.SweepListener.NONE, validated))
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
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap %.2f GB%n", peak / 1e9);
        InteractionWeight w = served.weight();
        System.out.printf("scale %.1f..%.1f%n", w.min(), w.max());
    }
}
