package io.reelfm.core.retrieval;

import io.reelfm.core.topk.ScoredItems;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemMatrixTest {

    private static float[] gaussian(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void scoresEqualTheRowMajorDotProductsForSizesAroundTheBlock() {
        Random r = new Random(4);
        for (int items : new int[]{1, ItemMatrix.BLOCK - 1, ItemMatrix.BLOCK, ItemMatrix.BLOCK + 1, 1000}) {
            for (int k : new int[]{1, 7, 64}) {
                float[] rows = gaussian(r, items * k);
                float[] bias = gaussian(r, items);
                float[] query = gaussian(r, k);
                ItemMatrix m = new ItemMatrix(rows, bias, k);
                float[] out = new float[items];
                m.scoreAll(query, 0.5f, out);
                assertArrayEquals(BruteForceTopK.scoreAll(rows, bias, k, query, 0.5f), out, 1e-3f,
                        items + " items, k=" + k);
                assertArrayEquals(java.util.Arrays.copyOfRange(rows, (items - 1) * k, items * k),
                        m.vector(items - 1), 0f);
            }
        }
    }

    @Test
    void topKSkipsExcludedItemsAndMatchesBruteForce() {
        Random r = new Random(8);
        int items = 5000;
        int k = 16;
        float[] rows = gaussian(r, items * k);
        float[] bias = gaussian(r, items);
        float[] query = gaussian(r, k);
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        ScoredItems all = m.topK(query, 0f, 10, null);
        BitSet excluded = new BitSet();
        excluded.set(all.index(0));
        excluded.set(all.index(3));
        ScoredItems top = m.topK(query, 0f, 10, excluded);
        assertArrayEquals(BruteForceTopK.topK(rows, bias, k, query, 0f, 10, excluded).indices(), top.indices());
        for (int i : top.indices()) {
            assertTrue(!excluded.get(i), "excluded item " + i + " returned");
        }
    }

    @Test
    void mismatchedShapesAreRefusedWithTheSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ItemMatrix(new float[10], new float[3], 4));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
    }
}
