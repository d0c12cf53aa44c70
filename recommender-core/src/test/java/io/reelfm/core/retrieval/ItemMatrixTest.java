package io.reelfm.core.retrieval;

import io.reelfm.core.topk.ScoredItems;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Random;

import static io.reelfm.core.retrieval.RandomVectors.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemMatrixTest {

    @Test
    void scoresEqualTheRowMajorDotProductsForSizesAroundTheBlock() {
        Random r = new Random(4);
        for (int items : new int[]{1, ItemMatrix.BLOCK - 1, ItemMatrix.BLOCK, ItemMatrix.BLOCK + 1, 1000}) {
            for (int k : new int[]{1, 7, 64}) {
                float[] rows = gaussian(r, items * k, 1);
                float[] bias = gaussian(r, items, 1);
                float[] query = gaussian(r, k, 1);
                ItemMatrix m = new ItemMatrix(rows, bias, k);
                float[] out = new float[items];
                m.scoreAll(query, 0.5f, out);
                assertArrayEquals(BruteForceTopK.scoreAll(rows, bias, k, query, 0.5f), out, 1e-3f,
                        items + " items, k=" + k);
                assertArrayEquals(java.util.Arrays.copyOfRange(rows, (items - 1) * k, items * k),
                        m.vector(items - 1), 0f);
                float[] into = new float[3 * k];
                m.copyVector(items / 2, into, k);
                assertArrayEquals(java.util.Arrays.copyOfRange(rows, (items / 2) * k, (items / 2 + 1) * k),
                        java.util.Arrays.copyOfRange(into, k, 2 * k), 0f);
                assertArrayEquals(new float[k], java.util.Arrays.copyOfRange(into, 0, k), 0f);
                assertArrayEquals(new float[k], java.util.Arrays.copyOfRange(into, 2 * k, 3 * k), 0f);
            }
        }
    }

    @Test
    void topKSkipsExcludedItemsAndMatchesBruteForce() {
        Random r = new Random(8);
        int items = 5000;
        int k = 16;
        float[] rows = gaussian(r, items * k, 1);
        float[] bias = gaussian(r, items, 1);
        float[] query = gaussian(r, k, 1);
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
    void concurrentListsBorrowScoreArraysWithoutSeeingEachOthersScores() throws Exception {
        Random r = new Random(9);
        int items = 3000;
        int k = 8;
        float[] rows = gaussian(r, items * k, 1);
        float[] bias = gaussian(r, items, 1);
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        float[][] queries = new float[64][];
        int[][] expected = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = gaussian(r, k, 1);
            expected[q] = BruteForceTopK.topK(rows, bias, k, queries[q], 0f, 20, null).indices();
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4 * ItemMatrix.POOLED);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<int[]>>();
            for (int round = 0; round < 20; round++) {
                for (float[] q : queries) {
                    answers.add(pool.submit(() -> m.topK(q, 0f, 20, null).indices()));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                assertArrayEquals(expected[i % queries.length], answers.get(i).get(), "list " + i);
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(m.pooledArrays() >= 1 && m.pooledArrays() <= ItemMatrix.POOLED, m.pooledArrays() + " pooled");
    }

    @Test
    void arraysMadeWhileTheyAreAllBorrowedNeverReplaceThePoolsOwn() throws Exception {
        Random r = new Random(10);
        int items = 3000;
        int k = 8;
        ItemMatrix m = new ItemMatrix(gaussian(r, items * k, 1), gaussian(r, items, 1), k);
        float[] query = gaussian(r, k, 1);
        Runnable burst = () -> {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4 * ItemMatrix.POOLED);
            try {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < 1000; i++) {
                    answers.add(pool.submit(() -> m.topK(query, 0f, 20, null)));
                }
                for (var a : answers) {
                    a.get();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                pool.shutdown();
            }
        };
        burst.run();
        java.util.Set<float[][]> first = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        first.addAll(m.pooled());
        for (int round = 0; round < 20; round++) {
            burst.run();
            java.util.Set<float[][]> now = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            now.addAll(m.pooled());
            if (first.size() == ItemMatrix.POOLED) {
                assertEquals(first, now, "the pool's arrays after burst " + round);
            } else {
                // the first burst never had every pooled array out at once: later ones may add, never swap
                assertTrue(now.containsAll(first) && now.size() <= ItemMatrix.POOLED, "pool after burst " + round);
            }
        }
    }

    @Test
    void mismatchedShapesAreRefusedWithTheSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ItemMatrix(new float[10], new float[3], 4));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
    }
}
