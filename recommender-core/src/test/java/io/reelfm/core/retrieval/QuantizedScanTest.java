package io.reelfm.core.retrieval;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Random;

import static io.reelfm.core.retrieval.RandomVectors.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantizedScanTest {

    /** What topK must return: the float scan of every item, then the usual selection. */
    private static ScoredItems exact(ItemMatrix m, float[] query, float constant, int n, BitSet excluded) {
        float[] scores = new float[m.items()];
        m.scoreAll(query, constant, scores);
        return TopK.select(scores, n, excluded);
    }

    private static void assertSameList(ScoredItems expected, ScoredItems got, String what) {
        assertArrayEquals(expected.indices(), got.indices(), what);
        // bit for bit: the same float values, not merely close ones
        assertArrayEquals(expected.scores(), got.scores(), 0f, what);
    }

    /**
     * Vectors shaped like a trained catalogue's: norms that fall with popularity rank, a few
     * near-duplicate items (ties and near-ties at the cut), factors of very different scales.
     */
    private static float[] catalogue(Random r, int items, int k) {
        float[] rows = new float[items * k];
        float[] factorScale = new float[k];
        for (int f = 0; f < k; f++) {
            factorScale[f] = (float) Math.exp(r.nextGaussian() * 1.5);
        }
        for (int i = 0; i < items; i++) {
            double norm = 3.0 / Math.pow(1 + i, 0.3);
            for (int f = 0; f < k; f++) {
                rows[i * k + f] = (float) (r.nextGaussian() * norm * factorScale[f]);
            }
        }
        for (int copy = 0; copy < items / 50; copy++) {
            int from = r.nextInt(Math.min(items, 200));
            int to = r.nextInt(items);
            System.arraycopy(rows, from * k, rows, to * k, k);
            if (r.nextBoolean()) {
                rows[to * k] = Math.nextUp(rows[to * k]);
            }
        }
        return rows;
    }

    @Test
    void theFirstPassReturnsTheExactListBitForBitAcrossShapes() {
        Random r = new Random(21);
        for (int items : new int[]{640, 2 * ItemMatrix.BLOCK + 7, 5000, 20_011}) {
            for (int k : new int[]{1, 7, 32, 64, 65}) {
                float[] rows = catalogue(r, items, k);
                float[] bias = gaussian(r, items, 0.5);
                for (ScanKernel kernel : new ScanKernel[]{ScanKernel.best(), ScanKernel.scalar()}) {
                    ItemMatrix m = new ItemMatrix(rows, bias, k, kernel);
                    for (int trial = 0; trial < 6; trial++) {
                        float[] query = gaussian(r, k, trial == 0 ? 1e-3 : 1 + trial);
                        float constant = trial % 2 == 0 ? 0f : (float) (r.nextGaussian() * 100);
                        BitSet excluded = new BitSet();
                        for (int e = 0; e < trial * 30; e++) {
                            excluded.set(r.nextInt(items));
                        }
                        for (int n : new int[]{1, 10, items / 64}) {
                            String what = items + " items, k=" + k + ", n=" + n + ", trial " + trial + ", "
                                    + kernel.describe();
                            BitSet skip = trial % 3 == 0 ? null : excluded;
                            assertSameList(exact(m, query, constant, n, skip), m.topK(query, constant, n, skip), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void typicalVectorsLeaveFewEnoughCandidatesForTheFirstPassToAnswer() {
        Random r = new Random(22);
        int items = 20_000;
        int k = 64;
        float[] rows = catalogue(r, items, k);
        float[] bias = gaussian(r, items, 0.5);
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        QuantizedScan q = QuantizedScan.of(blocksOf(m), bias, items, k, ScanKernel.best());
        assertNotNull(q);
        float[] query = gaussian(r, k, 1);
        float[] a = new float[q.workLength()];
        float[] l = new float[q.workLength()];
        ScoredItems top = q.topK(m, query, 0.25f, 10, null, a, l);
        assertNotNull(top, "the bound left more than 1/" + QuantizedScan.MAX_CANDIDATE_SHARE + " of the items");
        assertSameList(exact(m, query, 0.25f, 10, null), top, "first pass");
    }

    @Test
    void aCatalogueWhoseNormsFallIsReadOnlyAsFarAsItsHeadCanReachTheList() {
        Random r = new Random(24);
        int items = 20_000;
        int k = 64;
        // a trained catalogue's shape: norms falling with popularity, the items in no particular order
        float[] rows = new float[items * k];
        for (int rank = 0; rank < items; rank++) {
            int i = (int) ((rank * 7919L) % items);
            double norm = 2.0 / Math.pow(1 + rank, 0.5);
            for (int f = 0; f < k; f++) {
                rows[i * k + f] = (float) (r.nextGaussian() * norm / Math.sqrt(k));
            }
        }
        float[] bias = new float[items];
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        QuantizedScan q = QuantizedScan.of(blocksOf(m), bias, items, k, ScanKernel.best());
        int blocks = q.workLength() / ItemMatrix.BLOCK;
        BitSet excluded = new BitSet();
        for (int e = 0; e < 150; e++) {
            excluded.set(r.nextInt(50));
        }
        assertTrue(Double.isNaN(q.readShare()), "no pass yet");
        long read = 0;
        for (int trial = 0; trial < 5; trial++) {
            float[] query = gaussian(r, k, 1 + trial);
            long before = q.blocksRead();
            ScoredItems top = q.topK(m, query, 0f, 10, excluded, new float[q.workLength()], new float[q.workLength()]);
            long scanned = q.blocksRead() - before;
            assertSameList(exact(m, query, 0f, 10, excluded), top, "trial " + trial);
            assertTrue(scanned >= 1 && scanned < blocks / 4, "read " + scanned + " of " + blocks + " blocks in trial " + trial);
            read += scanned;
        }
        assertEquals(read / (5.0 * blocks), q.readShare(), 1e-12, "the mean share of blocks read");
    }

    @Test
    void aCatalogueOfEqualNormsIsReadWhole() {
        Random r = new Random(25);
        int items = 4096;
        int k = 16;
        float[] rows = gaussian(r, items * k, 1);
        for (int i = 0; i < items; i++) {
            double norm = 0;
            for (int f = 0; f < k; f++) {
                norm += rows[i * k + f] * rows[i * k + f];
            }
            for (int f = 0; f < k; f++) {
                rows[i * k + f] /= (float) Math.sqrt(norm);
            }
        }
        float[] bias = new float[items];
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        QuantizedScan q = QuantizedScan.of(blocksOf(m), bias, items, k, ScanKernel.best());
        float[] query = gaussian(r, k, 1);
        ScoredItems top = q.topK(m, query, 0f, 10, null, new float[q.workLength()], new float[q.workLength()]);
        assertSameList(exact(m, query, 0f, 10, null), top, "unit vectors");
        assertEquals(q.workLength() / ItemMatrix.BLOCK, q.blocksRead(), "no block can be ruled out by its norm");
    }

    @Test
    void identicalItemsDefeatTheBoundAndTheFullScanAnswers() {
        Random r = new Random(23);
        int items = 4096;
        int k = 16;
        float[] one = gaussian(r, k, 1);
        float[] rows = new float[items * k];
        for (int i = 0; i < items; i++) {
            System.arraycopy(one, 0, rows, i * k, k);
        }
        float[] bias = new float[items];
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        float[] query = gaussian(r, k, 1);
        QuantizedScan q = QuantizedScan.of(blocksOf(m), bias, items, k, ScanKernel.best());
        assertNull(q.topK(m, query, 0f, 10, null, new float[q.workLength()], new float[q.workLength()]),
                "every item ties, so every item is a candidate");
        ScoredItems top = m.topK(query, 0f, 10, null);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, top.indices(), "ties go to the lower index");
    }

    @Test
    void valuesTheBoundCannotCoverAreScannedExactly() {
        Random r = new Random(24);
        int items = 1280;
        int k = 8;
        float[] bias = gaussian(r, items, 1);
        float[] query = gaussian(r, k, 1);
        for (float odd : new float[]{Float.NaN, Float.POSITIVE_INFINITY, 1e20f, 1e-35f}) {
            float[] rows = gaussian(r, items * k, 1);
            if (odd == 1e-35f) {
                // a whole vector so small its 8-bit scale would underflow
                java.util.Arrays.fill(rows, 5 * k, 6 * k, odd);
            }
            rows[5 * k + 3] = odd;
            ItemMatrix m = new ItemMatrix(rows, bias, k);
            assertNull(QuantizedScan.of(blocksOf(m), bias, items, k, ScanKernel.best()), "value " + odd);
            assertEquals(0, m.quantizedBytes());
            assertSameList(exact(m, query, 0f, 10, null), m.topK(query, 0f, 10, null), "value " + odd);
        }
        float[] rows = gaussian(r, items * k, 1);
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        assertTrue(m.quantizedBytes() > 0);
        float[] nanQuery = query.clone();
        nanQuery[2] = Float.NaN;
        assertSameList(exact(m, nanQuery, 0f, 10, null), m.topK(nanQuery, 0f, 10, null), "NaN query");
        assertSameList(exact(m, query, 1e30f, 10, null), m.topK(query, 1e30f, 10, null), "huge constant");
    }

    @Test
    void oneItemsScoreMatchesTheScanBitForBit() {
        Random r = new Random(25);
        int items = 700;
        int k = 65;
        float[] rows = catalogue(r, items, k);
        float[] bias = gaussian(r, items, 3);
        ItemMatrix m = new ItemMatrix(rows, bias, k);
        float[] query = gaussian(r, k, 2);
        float[] all = new float[items];
        m.scoreAll(query, -1.5f, all);
        for (int i = 0; i < items; i++) {
            assertEquals(Float.floatToIntBits(all[i]), Float.floatToIntBits(m.score(i, query, -1.5f)), "item " + i);
        }
    }

    /** The factor-major blocks of a matrix, rebuilt from its public view. */
    private static float[] blocksOf(ItemMatrix m) {
        int k = m.k();
        int nBlocks = (m.items() + ItemMatrix.BLOCK - 1) / ItemMatrix.BLOCK;
        float[] blocks = new float[nBlocks * ItemMatrix.BLOCK * k];
        for (int i = 0; i < m.items(); i++) {
            float[] v = m.vector(i);
            int base = (i / ItemMatrix.BLOCK) * ItemMatrix.BLOCK * k + i % ItemMatrix.BLOCK;
            for (int f = 0; f < k; f++) {
                blocks[base + f * ItemMatrix.BLOCK] = v[f];
            }
        }
        return blocks;
    }
}
