package io.reelfm.core.eval;

import java.util.SplittableRandom;

/** Seeded synthetic ratings with a user and item effect, so a bias model has something to learn. */
public final class TestData {

    private TestData() {
    }

    public static RatingSet ratings(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] userEffect = random.doubles(users, -1, 1).toArray();
        double[] itemEffect = random.doubles(items, -1, 1).toArray();
        RatingSetBuilder builder = new RatingSetBuilder(new IdIndex(), new IdIndex());
        for (int u = 0; u < users; u++) {
            java.util.BitSet used = new java.util.BitSet();
            for (int n = 0; n < perUser; n++) {
                int i = random.nextInt(items);
                if (used.get(i)) {
                    continue;
                }
                used.set(i);
                double value = Math.max(1, Math.min(5, Math.round(3.5 + userEffect[u] + itemEffect[i] + random.nextGaussian() * 0.3)));
                builder.add("u" + u, "i" + i, (float) value, 1_000L * (n + 1) + u);
            }
        }
        return builder.build();
    }
}
