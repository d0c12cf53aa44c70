package io.reelfm.datasets.bench;

import java.util.Arrays;

import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticDataset;
import io.reelfm.datasets.synthetic.SyntheticGenerator;

/**
 * Measures how fast the synthetic generator streams ratings, single-threaded: through the
 * allocation-free primitive sink and through the {@code Dataset} view (one {@code RatingRow}
 * with string ids per rating). Run with a small heap (e.g. {@code -Xmx64m}) to show that the
 * stream does not accumulate ratings.
 *
 * <p>Arguments: {@code [ratings] [users] [items] [factors] [runs]}; defaults 10,000,000 ratings,
 * 100,000 users, 20,000 items, 16 factors, 5 measured runs after 2 warm-ups.
 */
public final class SyntheticThroughput {

    private SyntheticThroughput() {
    }

    public static void main(String[] args) {
        long ratings = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int factors = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        SyntheticConfig config = SyntheticConfig.defaults().withSize(users, items, ratings).withFactors(factors)
                .withSeed(42);
        SyntheticDataset dataset = new SyntheticDataset(config);
        SyntheticGenerator generator = dataset.generator();
        System.out.printf("synthetic: %,d ratings, %,d users, %,d items, %d factors, max heap %d MB%n",
                ratings, users, items, factors, Runtime.getRuntime().maxMemory() >> 20);

        double[] primitive = new double[runs];
        double[] rows = new double[runs];
        for (int run = -2; run < runs; run++) {
            long[] checksum = new long[1];
            long start = System.nanoTime();
            generator.ratings((u, i, r, t) -> checksum[0] += u * 31L + i + (long) (r * 2) + t);
            double primitiveRate = ratings / ((System.nanoTime() - start) / 1e9);

            long[] count = new long[1];
            start = System.nanoTime();
            dataset.ratings(row -> count[0] += row.userId().length() + row.itemId().length(), new LineErrors());
            double rowRate = ratings / ((System.nanoTime() - start) / 1e9);
            System.out.printf("%s %d: primitive sink %,.0f ratings/s, RatingRow sink %,.0f ratings/s (checksum %d, %d)%n",
                    run < 0 ? "warm-up" : "run", run < 0 ? run + 3 : run + 1, primitiveRate, rowRate, checksum[0], count[0]);
            if (run >= 0) {
                primitive[run] = primitiveRate;
                rows[run] = rowRate;
            }
        }
        System.out.printf("median: primitive sink %,.0f ratings/s, RatingRow sink %,.0f ratings/s%n",
                median(primitive), median(rows));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
