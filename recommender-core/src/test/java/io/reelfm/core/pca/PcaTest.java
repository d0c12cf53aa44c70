package io.reelfm.core.pca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * Samples with covariance R·diag(9, 1, 0.25)·Rᵀ, where R rotates the x-y plane by 30°: the
     * principal directions are (cos30, sin30, 0), (−sin30, cos30, 0), (0, 0, 1) and the explained
     * variance ratios are 9/10.25, 1/10.25, 0.25/10.25.
     */
    private static float[][] knownCovariance(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double angle = Math.toRadians(30);
        float[][] rows = new float[n][3];
        for (int i = 0; i < n; i++) {
            double a = 3 * gaussian(random);
            double b = 1 * gaussian(random);
            double c = 0.5 * gaussian(random);
            rows[i][0] = (float) (5 + a * Math.cos(angle) - b * Math.sin(angle));
            rows[i][1] = (float) (-2 + a * Math.sin(angle) + b * Math.cos(angle));
            rows[i][2] = (float) (1 + c);
        }
        return rows;
    }

    @Test
    void recoversPrincipalDirectionsAndExplainedVarianceOfKnownCovariance() {
        PcaModel pca = Pca.fit(knownCovariance(20_000, 1), 1.0);
        double angle = Math.toRadians(30);
        assertThat(Math.abs(dot(pca.component(0), new double[] {Math.cos(angle), Math.sin(angle), 0}))).isCloseTo(1, within(1e-3));
        assertThat(Math.abs(dot(pca.component(1), new double[] {-Math.sin(angle), Math.cos(angle), 0}))).isCloseTo(1, within(1e-3));
        assertThat(Math.abs(pca.component(2)[2])).isCloseTo(1, within(1e-3));
        double[] ratio = pca.explainedVarianceRatio();
        assertThat(ratio[0]).isCloseTo(9 / 10.25, within(0.01));
        assertThat(ratio[1]).isCloseTo(1 / 10.25, within(0.01));
        assertThat(ratio[2]).isCloseTo(0.25 / 10.25, within(0.005));
        assertThat(pca.explainedVariance()[0]).isCloseTo(9, within(0.3));
    }

    @Test
    void keepsTheFewestComponentsReachingTheVarianceTarget() {
        float[][] rows = knownCovariance(5_000, 2);
        assertThat(Pca.fit(rows, 0.8).components()).isEqualTo(1);
        assertThat(Pca.fit(rows, 0.95).components()).isEqualTo(2);
        assertThat(Pca.fit(rows, 0.999).components()).isEqualTo(3);
    }

    @Test
    void inverseTransformRestoresRowsWhenAllComponentsAreKept() {
        float[][] rows = knownCovariance(200, 3);
        PcaModel pca = Pca.fit(rows, 1.0);
        float[] back = pca.inverseTransform(pca.transform(rows[17]));
        for (int j = 0; j < 3; j++) {
            assertThat(back[j]).isCloseTo(rows[17][j], within(1e-4f));
        }
    }

    @Test
    void rejectsBadVarianceTarget() {
        assertThatThrownBy(() -> Pca.fit(new float[][] {{1}, {2}}, 0)).hasMessageContaining("varianceToKeep");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
