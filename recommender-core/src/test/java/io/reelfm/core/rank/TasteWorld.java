package io.reelfm.core.rank;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * A seeded world of taste groups: users of group g interact mostly with items of group g (and
 * rate those high), plus a little popular noise, so a ranking model has a structure to find and
 * a most-popular chart does not.
 */
final class TasteWorld {

    private TasteWorld() {
    }

    static int groupOfItem(int item, int groups) {
        return item % groups;
    }

    static int groupOfUser(int user, int groups) {
        return user % groups;
    }

    /** Ratings on a 1..5 scale, {@code perUser} per user, time-ordered by row. */
    static RatingSet ratings(int users, int items, int groups, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RatingSetBuilder b = new RatingSetBuilder(new IdIndex(), new IdIndex());
        for (int u = 0; u < users; u++) {
            b.add("u" + u, "i0", 3f, 0L);
            BitSet used = new BitSet();
            used.set(0);
            int g = groupOfUser(u, groups);
            for (int n = 0; n < perUser; n++) {
                int item;
                if (random.nextDouble() < 0.85) {
                    item = g + groups * random.nextInt(items / groups);
                } else {
                    item = random.nextInt(Math.max(1, items / 10));
                }
                if (used.get(item)) {
                    continue;
                }
                used.set(item);
                float rating = groupOfItem(item, groups) == g ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                b.add("u" + u, "i" + item, rating, 1_000L * (n + 1));
            }
        }
        return b.build();
    }
}
