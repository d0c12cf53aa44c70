package io.reelfm.core.fm;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmModelTest {

    static FmModel randomModel(int n, int k, long seed, FeatureSpace space) {
        Random r = new Random(seed);
        float[] w = new float[n];
        float[] v = new float[n * k];
        for (int j = 0; j < n; j++) {
            w[j] = (float) r.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian() * 0.5f;
        }
        return new FmModel(FmTask.REGRESSION, k, 0.7f, w, v, space, -1e6f, 1e6f,
                FoldInPrior.uniform(0.3f, 0.4f, 0.1f, new float[k], false));
    }

    static SparseVector randomVector(Random r, int n, int nnz) {
        int[] idx = r.ints(0, n).distinct().limit(nnz).toArray();
        float[] val = new float[nnz];
        for (int p = 0; p < nnz; p++) {
            val[p] = (float) r.nextGaussian();
        }
        return new SparseVector(idx, val);
    }

    @Test
    void predictionEqualsTheExplicitPairwiseSum() {
        int n = 50;
        int k = 6;
        FmModel m = randomModel(n, k, 3, null);
        Random r = new Random(5);
        for (int t = 0; t < 200; t++) {
            SparseVector x = randomVector(r, n, 1 + r.nextInt(12));
            double expected = m.globalBias();
            for (int a = 0; a < x.nnz(); a++) {
                int j = x.indices()[a];
                expected += m.weight(j) * x.values()[a];
                for (int b = a + 1; b < x.nnz(); b++) {
                    int l = x.indices()[b];
                    double dot = 0;
                    for (int f = 0; f < k; f++) {
                        dot += (double) m.factor(j, f) * m.factor(l, f);
                    }
                    expected += dot * x.values()[a] * x.values()[b];
                }
            }
            assertEquals(expected, m.predict(x), 1e-3 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void featuresBeyondTheModelContributeNothing() {
        FmModel m = randomModel(10, 4, 1, null);
        SparseVector known = new SparseVector(new int[]{2, 3}, new float[]{1, 1});
        SparseVector withNew = new SparseVector(new int[]{2, 3, 15}, new float[]{1, 1, 1});
        assertEquals(m.predict(known), m.predict(withNew), 0f);
    }

    @Test
    void saveThenLoadGivesTheSamePredictions() throws IOException {
        FeatureSpace space = new FeatureSpace();
        for (int j = 0; j < 30; j++) {
            space.indexOf(FeatureGroup.values()[j % FeatureGroup.values().length], "f" + j);
        }
        FmModel m = randomModel(30, 5, 9, space);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FmModelIo.write(m, out);
        FmModel back = FmModelIo.read(new ByteArrayInputStream(out.toByteArray()));
        Random r = new Random(2);
        float[] a = new float[100];
        float[] b = new float[100];
        for (int t = 0; t < 100; t++) {
            SparseVector x = randomVector(r, 30, 5);
            a[t] = m.predict(x);
            b[t] = back.predict(x);
        }
        assertArrayEquals(a, b, 0f);
        assertEquals(m.foldInPrior(), back.foldInPrior());
        assertEquals(space.names(), back.space().names());
        assertEquals(space.group(7), back.space().group(7));
        assertTrue(out.size() < 30 * (4 + 5 * 4) + 400, "compact: " + out.size() + " bytes");
    }

    @Test
    void saveThenLoadKeepsTheSampledItemSideConstants() throws IOException {
        FmModel plain = randomModel(12, 3, 4, null);
        float[] constants = new float[12];
        java.util.Arrays.fill(constants, Float.NaN);
        constants[2] = 0.25f;
        constants[7] = -1.5f;
        FmModel m = plain.withItemSideBias(constants);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FmModelIo.write(m, out);
        FmModel back = FmModelIo.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(0.25f, back.itemSideBias(2), 0f);
        assertEquals(-1.5f, back.itemSideBias(7), 0f);
        assertTrue(Float.isNaN(back.itemSideBias(0)));

        ByteArrayOutputStream without = new ByteArrayOutputStream();
        FmModelIo.write(plain, without);
        assertTrue(Float.isNaN(FmModelIo.read(new ByteArrayInputStream(without.toByteArray())).itemSideBias(2)));
    }

    @Test
    void loadingAForeignFileNamesTheProblem() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8};
        IOException e = assertThrows(IOException.class, () -> FmModelIo.read(new ByteArrayInputStream(junk)));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void aVersionOneFileStillLoads() throws IOException {
        FmModel m = randomModel(6, 2, 3, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FmModelIo.write(m, out);
        byte[] v2 = out.toByteArray();
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 1);
        v1[7] = 1;
        FmModel back = FmModelIo.read(new ByteArrayInputStream(v1));
        SparseVector x = randomVector(new Random(5), 6, 3);
        assertEquals(m.predict(x), back.predict(x), 0f);
    }

    @Test
    void loadingANewerVersionIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FmModelIo.write(randomModel(3, 2, 1, null), out);
        byte[] bytes = out.toByteArray();
        bytes[7] = 9;
        IOException e = assertThrows(IOException.class, () -> FmModelIo.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }
}
