package io.reelfm.core.topk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void returnsBestFirstWithTiesBrokenByLowerIndex() {
        float[] scores = {0.5f, 2f, 2f, -1f, 3f, 2f};
        ScoredItems top = TopK.select(scores, 4);
        assertThat(top.indices()).containsExactly(4, 1, 2, 5);
        assertThat(top.scores()).containsExactly(3f, 2f, 2f, 2f);
    }

    @Test
    void skipsIndicesInBitSetExclusion() {
        float[] scores = {9f, 8f, 7f, 6f, 5f};
        BitSet seen = new BitSet();
        seen.set(0);
        seen.set(2);
        assertThat(TopK.select(scores, 2, seen).indices()).containsExactly(1, 3);
    }

    @Test
    void skipsIndicesInSortedArrayExclusionIncludingDuplicatesAndOutOfRange() {
        float[] scores = {9f, 8f, 7f, 6f, 5f};
        assertThat(TopK.select(scores, 3, new int[] {1, 1, 3, 40}).indices()).containsExactly(0, 2, 4);
    }

    @Test
    void rejectsUnsortedExclusionNamingThePosition() {
        assertThatThrownBy(() -> TopK.select(new float[3], 1, new int[] {2, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 1");
    }

    @Test
    void returnsFewerWhenCatalogueIsSmallerThanK() {
        ScoredItems top = TopK.select(new float[] {1f, 2f}, 10);
        assertThat(top.indices()).containsExactly(1, 0);
    }

    @Test
    void neverSelectsNaN() {
        ScoredItems top = TopK.select(new float[] {Float.NaN, 1f, Float.NaN}, 3);
        assertThat(top.indices()).containsExactly(1);
    }

    @Test
    void rejectsNonPositiveK() {
        assertThatThrownBy(() -> new TopK(0)).hasMessageContaining("k must be at least 1");
    }

    @Test
    void matchesFullSortOnRandomScoresWithManyTies() {
        Random random = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(300);
            int k = 1 + random.nextInt(40);
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(20);
            }
            assertThat(TopK.select(scores, k).indices()).as("trial %d", trial)
                    .containsExactly(bySort(scores, k, new BitSet()));
        }
    }

    @Test
    void matchesFullSortWithExclusionsWhenScoresClimbOrFallWithTheIndex() {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(500);
            int k = 1 + random.nextInt(60);
            int trend = trial % 3 - 1;
            float[] scores = new float[n];
            BitSet excluded = new BitSet();
            for (int i = 0; i < n; i++) {
                scores[i] = trend * i + random.nextInt(5);
                if (random.nextInt(4) == 0) {
                    excluded.set(i);
                }
            }
            assertThat(TopK.select(scores, k, excluded).indices()).as("trial %d, trend %d", trial, trend)
                    .containsExactly(bySort(scores, k, excluded));
        }
    }

    /** The reference answer: every index not excluded, sorted by score then index, the first k. */
    private static int[] bySort(float[] scores, int k, BitSet excluded) {
        return IntStream.range(0, scores.length).filter(i -> !excluded.get(i)).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void resultLeavesHeapIntactForFurtherOffers() {
        TopK top = new TopK(2);
        top.offer(7, 1f);
        top.offer(3, 5f);
        assertThat(top.result().indices()).containsExactly(3, 7);
        assertThat(top.threshold()).isEqualTo(1f);
        top.offer(9, 4f);
        assertThat(top.result().indices()).containsExactly(3, 9);
        top.reset();
        assertThat(top.size()).isZero();
        assertThat(Arrays.stream(top.result().indices()).count()).isZero();
    }
}
