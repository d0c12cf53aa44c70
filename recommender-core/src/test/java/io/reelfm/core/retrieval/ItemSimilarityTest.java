package io.reelfm.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.reelfm.core.topk.ScoredItems;

class ItemSimilarityTest {

    // item 0 and 1 point the same way, 2 is orthogonal to them, 3 is zero; biases must not matter
    private final ItemSimilarity similarity = new ItemSimilarity(new ItemMatrix(new float[] {
            1, 0,
            3, 0,
            0, 2,
            0, 0}, new float[] {5, -1, 2, 7}, 2));

    @Test
    void cosineIgnoresLengthAndBiasAndIsZeroForAZeroVector() {
        assertThat(similarity.cosine(0, 1)).isCloseTo(1f, within(1e-6f));
        assertThat(similarity.cosine(0, 2)).isCloseTo(0f, within(1e-6f));
        assertThat(similarity.cosine(0, 3)).isZero();
    }

    @Test
    void mostSimilarRanksByCosineAndLeavesTheItemItselfOut() {
        ScoredItems top = similarity.mostSimilar(0, 2);

        assertThat(top.index(0)).isEqualTo(1);
        assertThat(top.score(0)).isCloseTo(1f, within(1e-6f));
        assertThat(top.indices()).doesNotContain(0);
    }

    @Test
    void closestOfPicksTheNearestCandidateOrNoneForAZeroVector() {
        assertThat(similarity.closestOf(new int[] {1, 2, 3}, new int[] {0, 2, 3})).containsExactly(0, 2, -1);
        assertThat(similarity.closestOf(new int[] {0}, new int[] {3})).containsExactly(-1);
    }
}
