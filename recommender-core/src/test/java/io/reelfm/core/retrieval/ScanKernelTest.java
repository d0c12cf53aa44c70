package io.reelfm.core.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.reelfm.core.retrieval.RandomVectors.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanKernelTest {

    private static final int B = ItemMatrix.BLOCK;

    /** One factor at a time, one rounding per multiply and per add: the order every kernel must keep. */
    private static float[] reference(float[] blocks, int k, float[] query, float[] start) {
        float[] out = start.clone();
        for (int f = 0; f < k; f++) {
            for (int i = 0; i < B; i++) {
                out[i] += blocks[f * B + i] * query[f];
            }
        }
        return out;
    }

    @Test
    void theTestJvmRunsTheSimdKernelAsTheLauncherDoes() {
        assertTrue(ScanKernel.best().describe().startsWith("SIMD"), ScanKernel.best().describe());
    }

    @Test
    void everyKernelReturnsTheReferenceScoresBitForBit() {
        Random r = new Random(11);
        for (int k : new int[]{1, 3, 4, 7, 16, 63, 64, 65}) {
            // magnitudes spread over many binades, so a changed order of additions would show
            float[] blocks = gaussian(r, B * k, 1e3);
            for (int i = 0; i < blocks.length; i += 5) {
                blocks[i] *= 1e-4f;
            }
            float[] query = gaussian(r, k, 1);
            float[] start = gaussian(r, B, 10);
            float[] expected = reference(blocks, k, query, start);
            for (ScanKernel kernel : new ScanKernel[]{ScanKernel.scalar(), ScanKernel.best()}) {
                float[] dst = new float[B + 3];
                System.arraycopy(start, 0, dst, 3, B);
                kernel.accumulate(blocks, 0, k, query, dst, 3);
                float[] got = java.util.Arrays.copyOfRange(dst, 3, B + 3);
                assertArrayEquals(expected, got, 0f, kernel.describe() + ", k=" + k);
            }
        }
    }

    @Test
    void aMatrixScoresTheSameWithEitherKernel() {
        Random r = new Random(12);
        int items = 3 * B + 17;
        int k = 32;
        float[] rows = gaussian(r, items * k, 1);
        float[] bias = gaussian(r, items, 1);
        float[] query = gaussian(r, k, 1);
        float[] simd = new float[items];
        float[] portable = new float[items];
        new ItemMatrix(rows, bias, k, ScanKernel.best()).scoreAll(query, 0.25f, simd);
        new ItemMatrix(rows, bias, k, ScanKernel.scalar()).scoreAll(query, 0.25f, portable);
        assertArrayEquals(portable, simd, 0f);
    }
}
