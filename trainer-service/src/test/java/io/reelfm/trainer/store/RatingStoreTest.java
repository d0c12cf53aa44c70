package io.reelfm.trainer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RatingStoreTest {

    @Test
    void latestRatingOfAPairWinsAndOlderOneIsStale() {
        RatingStore s = new RatingStore(4);
        assertThat(s.put(1, 2, 3.0f, 10_000)).isEqualTo(RatingStore.Outcome.ADDED);
        assertThat(s.put(1, 2, 5.0f, 20_000)).isEqualTo(RatingStore.Outcome.REPLACED);
        assertThat(s.put(1, 2, 1.0f, 5_000)).isEqualTo(RatingStore.Outcome.STALE);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.rating(s.row(1, 2))).isEqualTo(5.0f);
        assertThat(s.seconds(s.row(1, 2))).isEqualTo(20);
        assertThat(s.row(2, 1)).isEqualTo(-1);
    }

    @Test
    void growsAndKeepsEveryPairFindableMatchingAReferenceMap() {
        RatingStore s = new RatingStore(16);
        Map<Long, Float> reference = new HashMap<>();
        Random rnd = new Random(42);
        for (int n = 0; n < 50_000; n++) {
            int u = rnd.nextInt(500);
            int i = rnd.nextInt(300);
            float r = 1 + rnd.nextInt(5);
            s.put(u, i, r, n * 1000L);
            reference.put(((long) u << 32) | i, r);
        }
        assertThat(s.size()).isEqualTo(reference.size());
        reference.forEach((k, r) -> assertThat(s.rating(s.row((int) (k >>> 32), (int) (long) k))).isEqualTo(r));
        RatingStore copy = s.copy();
        assertThat(copy.size()).isEqualTo(s.size());
        reference.forEach((k, r) -> assertThat(copy.rating(copy.row((int) (k >>> 32), (int) (long) k))).isEqualTo(r));
    }

    @Test
    void rowCostsAtMostThirtyTwoBytesOfHeap() {
        RatingStore s = new RatingStore(1 << 20);
        Random rnd = new Random(7);
        for (int n = 0; n < 1 << 20; n++) {
            s.put(rnd.nextInt(1 << 16), n, 4f, 0);
        }
        assertThat(s.heapBytes() / s.size()).isLessThanOrEqualTo(32);
    }
}
