package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ImplicitFoldInTest {

    private static final ImplicitPrior PRIOR = new ImplicitPrior(0.1, 0.05, 1.0);

    @Test
    void theSolutionSatisfiesTheNormalEquations() {
        Random r = new Random(3);
        int k = 16;
        int items = 200;
        float[] rows = gaussian(r, items * k);
        double[] gram = ImplicitFoldIn.gram(rows, items, k);
        int[] columns = {4, 17, -1, 120, 199};
        float[] weights = {1f, 2.5f, 9f, 0.5f, 3f};
        float[] mean = gaussian(r, k);

        float[] x = ImplicitFoldIn.solve(rows, k, gram, columns, weights, PRIOR, items, mean);

        double ridge = PRIOR.ridge(4, items);
        for (int f = 0; f < k; f++) {
            double lhs = ridge * x[f];
            double rhs = ridge * mean[f];
            for (int g = 0; g < k; g++) {
                lhs += PRIOR.unobservedWeight() * gram[f * k + g] * x[g];
            }
            for (int p = 0; p < columns.length; p++) {
                if (columns[p] < 0) {
                    continue;
                }
                double dot = 0;
                for (int g = 0; g < k; g++) {
                    dot += rows[columns[p] * k + g] * x[g];
                }
                lhs += weights[p] * rows[columns[p] * k + f] * dot;
                rhs += weights[p] * rows[columns[p] * k + f];
            }
            assertThat(lhs).as("row %d of the normal equations", f).isCloseTo(rhs, within(1e-3 * (1 + Math.abs(rhs))));
        }
    }

    @Test
    void theNormalMatrixSumsEveryUsableColumnWhateverTheirCountAndGapsInTheGroups() {
        Random r = new Random(11);
        int k = 12;
        int items = 40;
        float[] rows = gaussian(r, items * k);
        for (int n = 0; n <= 11; n++) {
            int[] columns = new int[n];
            float[] weights = new float[n];
            int usable = 0;
            for (int p = 0; p < n; p++) {
                columns[p] = p % 3 == 2 ? -1 : r.nextInt(items);
                weights[p] = 1 + r.nextInt(9);
                usable += columns[p] < 0 ? 0 : 1;
            }
            double[] a = new double[k * k];
            double[] b = new double[k];

            int used = ImplicitFoldIn.accumulate(rows, k, columns, weights, a, b);

            assertThat(used).as("columns used of %d", n).isEqualTo(usable);
            for (int f = 0; f < k; f++) {
                double bf = 0;
                for (int p = 0; p < n; p++) {
                    bf += columns[p] < 0 ? 0 : (double) weights[p] * rows[columns[p] * k + f];
                }
                assertThat(b[f]).as("b[%d] of %d columns", f, n).isCloseTo(bf, within(1e-9));
                for (int g = 0; g < k; g++) {
                    double expected = 0;
                    for (int p = 0; p < n; p++) {
                        expected += columns[p] < 0 || g > f ? 0
                                : (double) weights[p] * rows[columns[p] * k + f] * rows[columns[p] * k + g];
                    }
                    assertThat(a[f * k + g]).as("a[%d][%d] of %d columns", f, g, n).isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    @Test
    void aSolveOnOneThreadIsTheSameWhateverThatThreadSolvedBefore() {
        Random r = new Random(5);
        int items = 300;
        float[] big = gaussian(r, items * 64);
        float[] small = gaussian(r, items * 8);
        double[] bigGram = ImplicitFoldIn.gram(big, items, 64);
        double[] smallGram = ImplicitFoldIn.gram(small, items, 8);
        int[] columns = {1, 50, 299};
        float[] weights = {1f, 4f, 2f};

        float[] first = ImplicitFoldIn.solve(small, 8, smallGram, columns, weights, PRIOR, items);
        ImplicitFoldIn.solve(big, 64, bigGram, new int[] {7, 8, 9, 10}, new float[] {5f, 5f, 5f, 5f}, PRIOR, items);
        float[] again = ImplicitFoldIn.solve(small, 8, smallGram, columns, weights, PRIOR, items);
        float[] elsewhere = new float[8];
        Thread t = new Thread(() -> System.arraycopy(ImplicitFoldIn.solve(small, 8, smallGram, columns, weights, PRIOR, items),
                0, elsewhere, 0, 8));
        t.start();
        assertThat(joined(t)).isTrue();

        assertThat(again).containsExactly(first);
        assertThat(elsewhere).containsExactly(first);
    }

    private static boolean joined(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * 0.3);
        }
        return v;
    }
}
