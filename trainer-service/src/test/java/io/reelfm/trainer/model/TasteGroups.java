package io.reelfm.trainer.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.trainer.store.TrainingState;

/** Users of three taste groups who mostly rate (and like) items of their own group, as real users choose what to watch. */
final class TasteGroups {

    private TasteGroups() {
    }

    static List<RatingEvent> events(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RatingEvent> out = new ArrayList<>();
        long t = 1_700_000_000_000L;
        for (int u = 0; u < users; u++) {
            Set<Integer> used = new HashSet<>();
            for (int n = 0; n < perUser; n++) {
                int item = random.nextDouble() < 0.8 ? u % 3 + 3 * random.nextInt(items / 3) : random.nextInt(items);
                if (!used.add(item)) {
                    continue;
                }
                float rating = item % 3 == u % 3 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                out.add(RatingEvent.newBuilder().setEventId("e" + out.size()).setUserId("u" + u).setItemId("i" + item)
                        .setRating(rating).setTimestamp(java.time.Instant.ofEpochMilli(t += 1000)).setSource("synthetic")
                        .build());
            }
        }
        return out;
    }

    /** A training state holding {@code events} in order. */
    static TrainingState load(List<RatingEvent> events) {
        TrainingState s = new TrainingState(1 << 16);
        for (int n = 0; n < events.size(); n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        return s;
    }
}
