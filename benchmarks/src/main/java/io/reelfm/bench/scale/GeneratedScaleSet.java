package io.reelfm.bench.scale;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticGenerator;
import io.reelfm.schemas.RatingScale;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The generated set the scale benchmarks fit on, by default shaped like MovieLens 25M (162,000
 * users, 62,000 items, 25M half-star ratings, seed 25), with the generator's genres, years and
 * profiles as side information, so every model's scale figures come from the same ratings.
 *
 * @param ratings the ratings over {@code users} and {@code items}
 * @param side    genres and years of the catalogue, profiles of the users, keyed like the indexes
 */
public record GeneratedScaleSet(RatingSet ratings, IdIndex users, IdIndex items, SideInfo side) {

    /** Generates {@code ratings} ratings of {@code users} users over {@code items} items. */
    public static GeneratedScaleSet generate(int users, int items, long ratings) {
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
        return new GeneratedScaleSet(data, userIndex, itemIndex, side);
    }

    /** The set of the command line {@code [users items ratings]}, MovieLens 25M's shape by default. */
    public static GeneratedScaleSet fromArgs(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 162_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 62_000;
        long ratings = args.length > 2 ? Long.parseLong(args[2]) : 25_000_000L;
        return generate(users, items, ratings);
    }

    /** The sum of the heap pools' peak use since the JVM started, in bytes. */
    public static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
