package io.reelfm.trainer.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticGenerator;
import io.reelfm.schemas.RatingEvent;

/**
 * Rating events from the datasets module's seeded synthetic generator (planted biases and
 * tastes a factor model can learn), with uniform user activity and item popularity so every user
 * has a history to fold in. Ids carry a prefix so tests sharing one broker never mix users, and
 * only the first rating of a (user, item) pair is kept, so each event is stored by the trainer.
 */
public final class GeneratedRatings {

    private GeneratedRatings() {
    }

    /** {@code users * perUser} events (about {@code perUser} per user) over {@code items} items, in time order. */
    public static List<RatingEvent> generate(String prefix, int users, int items, int perUser, long seed) {
        int wanted = users * perUser;
        if (wanted > (long) users * items / 2) {
            throw new IllegalArgumentException("perUser " + perUser + " is too dense for " + items + " items");
        }
        SyntheticConfig config = SyntheticConfig.defaults().withSize(users, items, 2L * wanted).withSkew(0, 0)
                .withFactors(4).withSeed(seed).withTime(1_700_000_000_000L, 60_000);
        List<RatingEvent> out = new ArrayList<>(wanted);
        Set<Long> seen = new HashSet<>();
        new SyntheticGenerator(config).ratings((u, i, rating, millis) -> {
            if (out.size() < wanted && seen.add((long) u * items + i)) {
                out.add(RatingEvent.newBuilder().setEventId(prefix + "-e" + out.size()).setUserId(prefix + "-u" + u)
                        .setItemId(prefix + "-i" + i).setRating(rating).setTimestamp(Instant.ofEpochMilli(millis))
                        .setSource("synthetic").build());
            }
        });
        if (out.size() < wanted) {
            throw new IllegalStateException("generator gave only " + out.size() + " distinct pairs of " + wanted);
        }
        return out;
    }
}
