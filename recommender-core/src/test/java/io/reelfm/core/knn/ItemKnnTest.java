package io.reelfm.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelfm.core.topk.ScoredItems;
import java.util.BitSet;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ItemKnnTest {

    private static float[][] randomVectors(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] v = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i][j] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return v;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static int[] bruteForce(float[][] v, int item, int k) {
        return IntStream.range(0, v.length).filter(j -> j != item).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -cosine(v[item], v[j])).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void blockedGemmNeighboursEqualBruteForce() {
        float[][] v = randomVectors(300, 16, 1);
        ScoredItems[] all = AllItemNeighbours.compute(ItemVectors.of(v), 10, 64);
        for (int item = 0; item < v.length; item++) {
            assertThat(all[item].indices()).as("item %d", item).containsExactly(bruteForce(v, item, 10));
            assertThat(all[item].score(0)).isCloseTo((float) cosine(v[item], v[all[item].index(0)]), within(1e-5f));
        }
    }

    @Test
    void singleQueryPathEqualsBruteForceAndTheBlockedPath() {
        float[][] v = randomVectors(200, 8, 2);
        ItemSimilarity similarity = new ItemSimilarity(ItemVectors.of(v));
        ScoredItems[] all = AllItemNeighbours.compute(ItemVectors.of(v), 5, 1000);
        for (int item = 0; item < v.length; item += 7) {
            assertThat(similarity.mostSimilar(item, 5).indices()).containsExactly(bruteForce(v, item, 5));
            assertThat(similarity.mostSimilar(item, 5).indices()).containsExactly(all[item].indices());
        }
    }

    @Test
    void vectorQueryHonoursExclusions() {
        float[][] v = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {-1, 0}};
        BitSet excluded = new BitSet();
        excluded.set(0);
        ScoredItems top = new ItemSimilarity(ItemVectors.of(v)).mostSimilar(new float[] {2, 0}, 2, excluded);
        assertThat(top.indices()).containsExactly(1, 2);
    }

    @Test
    void zeroVectorIsSimilarToNothing() {
        float[][] v = {{0, 0}, {1, 0}, {0, 1}};
        ScoredItems top = new ItemSimilarity(ItemVectors.of(v)).mostSimilar(0, 2);
        assertThat(top.scores()).containsExactly(0f, 0f);
    }

    @Test
    void rejectsUnknownItem() {
        assertThatThrownBy(() -> new ItemSimilarity(ItemVectors.of(new float[][] {{1}})).mostSimilar(3, 1))
                .hasMessageContaining("item 3 outside");
    }
}
