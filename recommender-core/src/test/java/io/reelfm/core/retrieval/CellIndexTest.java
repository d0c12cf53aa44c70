package io.reelfm.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.topk.ScoredItems;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellIndexTest {

    /** Item vectors whose lengths fall off like popularity: a few long ones, a long tail of short ones. */
    private static float[] longTail(int items, int k, SplittableRandom random) {
        float[] v = new float[items * k];
        for (int i = 0; i < items; i++) {
            double length = 1.0 / Math.pow(1 + i, 0.8);
            for (int f = 0; f < k; f++) {
                v[i * k + f] = (float) (random.nextGaussian() * length);
            }
        }
        return v;
    }

    private static float[] gaussian(int n, double scale, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    @Test
    void everyAnswerIsTheFullScansToTheLastScoreAndTieOrder() {
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int items = 1 + random.nextInt(3000);
            int k = 1 + random.nextInt(40);
            float[] vectors = seed % 2 == 0 ? longTail(items, k, random) : gaussian(items * k, 1, random);
            float[] bias = gaussian(items, seed % 3 == 0 ? 0 : 0.5, random);
            if (seed % 5 == 0) {
                // duplicated items: equal scores, so the tie order is tested too
                for (int i = 1; i < items; i += 2) {
                    System.arraycopy(vectors, (i - 1) * k, vectors, i * k, k);
                    bias[i] = bias[i - 1];
                }
            }
            ItemMatrix matrix = new ItemMatrix(vectors, bias, k);
            CellIndex index = CellIndex.build(vectors, bias, k, 1 + random.nextInt(80), seed);
            for (int q = 0; q < 20; q++) {
                float[] query = gaussian(k, 1 + 3 * random.nextDouble(), random);
                float constant = (float) random.nextGaussian();
                int n = 1 + random.nextInt(q % 4 == 0 ? items + 5 : 30);
                BitSet excluded = null;
                if (q % 2 == 0) {
                    excluded = new BitSet(items);
                    for (int e = random.nextInt(items); e > 0; e--) {
                        excluded.set(random.nextInt(items));
                    }
                }
                ScoredItems exact = matrix.topK(query, constant, n, excluded);
                CellIndex.Search search = index.search(query, constant, n, excluded);
                ScoredItems indexed = search.top();
                assertThat(search.depth()).hasSize(indexed.size());
                for (int d : search.depth()) {
                    assertThat(d).as("items scored before a listed item's cell").isBetween(0, search.scored() - 1);
                }
                assertThat(indexed.indices()).as("seed %d query %d", seed, q).containsExactly(exact.indices());
                assertThat(indexed.scores()).as("seed %d query %d", seed, q).containsExactly(exact.scores());
            }
        }
    }

    @Test
    void aLongTailOfShortVectorsIsMostlyNeverScored() {
        SplittableRandom random = new SplittableRandom(7);
        int items = 20_000;
        int k = 32;
        float[] vectors = longTail(items, k, random);
        CellIndex index = CellIndex.build(vectors, new float[items], k, CellIndex.cellsFor(items), 1);
        long scored = 0;
        for (int q = 0; q < 50; q++) {
            scored += index.search(gaussian(k, 1, random), 0, 10, null).scored();
        }
        assertThat((double) scored / 50 / items).isLessThan(0.2);
    }

    @Test
    void withoutAnyShortcutEveryItemIsScoredAndStillAnsweredExactly() {
        SplittableRandom random = new SplittableRandom(3);
        int items = 500;
        float[] vectors = gaussian(items * 4, 1, random);
        CellIndex index = CellIndex.build(vectors, new float[items], 4, 1, 1);
        CellIndex.Search all = index.search(new float[] {1, 0, 0, 0}, 0, 10, null);
        assertThat(all.scored()).isEqualTo(items);
        assertThat(all.top().indices()).containsExactly(new ItemMatrix(vectors, new float[items], 4)
                .topK(new float[] {1, 0, 0, 0}, 0, 10, null).indices());
    }

    @Test
    void anEmptyCatalogueAnswersAnEmptyListAndAWrongShapeIsRefused() {
        assertThat(CellIndex.build(new float[0], new float[0], 4, 10, 1).topK(new float[4], 0, 10, null).size()).isZero();
        assertThatThrownBy(() -> CellIndex.build(new float[7], new float[2], 4, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias.length * k = 8");
        CellIndex index = CellIndex.build(new float[8], new float[2], 4, 10, 1);
        assertThatThrownBy(() -> index.topK(new float[3], 0, 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query needs 4");
    }
}
