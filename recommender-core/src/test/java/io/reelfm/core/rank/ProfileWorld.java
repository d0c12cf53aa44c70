package io.reelfm.core.rank;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded world where taste follows side information: users of occupation "o<g>" interact
 * mostly with items of genre "G<g>" (and rate those high), so a model that reads genres and
 * profiles can place an item nobody rated and serve a user with nothing but a profile. Ages are
 * random, a profile field that carries no taste.
 */
final class ProfileWorld {

    final IdIndex users = new IdIndex();
    final IdIndex items = new IdIndex();
    final SideInfo side = SideInfo.empty();
    final RatingSet ratings;
    final int groups;

    ProfileWorld(int numUsers, int numItems, int groups, int perUser, long seed) {
        this.groups = groups;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < numItems; i++) {
            side.putItem("i" + i, new ItemAttributes(1960 + 10 * random.nextInt(4), List.of("G" + i % groups)));
        }
        RatingSetBuilder b = new RatingSetBuilder(users, items);
        for (int u = 0; u < numUsers; u++) {
            int g = u % groups;
            side.putUser("u" + u, new UserAttributes(15 + random.nextInt(50), null, "o" + g));
            BitSet used = new BitSet();
            for (int n = 0; n < perUser; n++) {
                int item = random.nextDouble() < 0.85 ? g + groups * random.nextInt(numItems / groups)
                        : random.nextInt(numItems);
                if (used.get(item)) {
                    continue;
                }
                used.set(item);
                float rating = item % groups == g ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                b.add("u" + u, "i" + item, rating, 1_000L * (n + 1));
            }
        }
        ratings = b.build();
    }

    /** The genre group of an item index. */
    int groupOfItem(int item) {
        return Integer.parseInt(items.id(item).substring(1)) % groups;
    }

    AttributeRows userAttributes() {
        return SideAttributes.users(side, users);
    }

    AttributeRows itemAttributes() {
        return SideAttributes.items(side, items);
    }
}
