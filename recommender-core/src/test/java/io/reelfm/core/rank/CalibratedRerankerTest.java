package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.reelfm.core.eval.metrics.GenreSource;

class CalibratedRerankerTest {

    /** Items 0..19: even ones genre 0 (say drama), odd ones genre 1 (horror); item 20 has no genre. */
    private static final GenreSource PARITY = new GenreSource() {
        @Override
        public int count() {
            return 2;
        }

        @Override
        public int[] of(int item) {
            return item == 20 ? new int[0] : new int[] {item % 2};
        }
    };

    private static final int[] POOL = {0, 2, 4, 6, 8, 10, 1, 3, 5, 7};
    private static final float[] SCORES = {1.0f, 0.99f, 0.98f, 0.97f, 0.96f, 0.95f, 0.90f, 0.89f, 0.88f, 0.87f};

    @Test
    void aHalfHorrorHistoryGetsHorrorIntoAListTheModelFilledWithDrama() {
        CalibratedReranker reranker = new CalibratedReranker(PARITY, 0.5);
        double[] mix = reranker.mix(new int[] {12, 14, 13, 15});
        assertThat(mix).containsExactly(0.5, 0.5);
        int[] list = reranker.rerank(POOL, SCORES, mix, 4);
        long horror = java.util.Arrays.stream(list).filter(i -> i % 2 == 1).count();
        assertThat(horror).isEqualTo(2);
        // shown in the model's own order: the pool is best first, so list positions keep the pool's order
        assertThat(list).containsExactly(0, 2, 1, 3);
    }

    @Test
    void strengthZeroOrNoGenresKeepsTheModelsList() {
        assertThat(new CalibratedReranker(PARITY, 0).rerank(POOL, SCORES, new double[] {0.5, 0.5}, 4))
                .containsExactly(0, 2, 4, 6);
        CalibratedReranker reranker = new CalibratedReranker(PARITY, 0.5);
        assertThat(reranker.mix(new int[] {20})).isNull();
        assertThat(reranker.rerank(POOL, SCORES, null, 3)).containsExactly(0, 2, 4);
        assertThatThrownBy(() -> new CalibratedReranker(PARITY, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPureDramaHistoryKeepsADramaList() {
        CalibratedReranker reranker = new CalibratedReranker(PARITY, 0.9);
        assertThat(reranker.rerank(POOL, SCORES, reranker.mix(new int[] {12, 14}), 5)).containsExactly(0, 2, 4, 6, 8);
    }
}
