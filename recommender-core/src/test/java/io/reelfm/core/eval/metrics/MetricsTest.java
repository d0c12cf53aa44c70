package io.reelfm.core.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void rmseAndMaeMatchHandComputation() {
        float[] actual = {1, 2, 3};
        float[] predicted = {2, 2, 5};
        assertThat(ErrorMetrics.rmse(actual, predicted)).isCloseTo(Math.sqrt(5.0 / 3), within(1e-9));
        assertThat(ErrorMetrics.mae(actual, predicted)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void errorMetricsRejectMismatchedLengths() {
        assertThatThrownBy(() -> ErrorMetrics.rmse(new float[2], new float[3])).hasMessageContaining("differ in length");
    }

    @Test
    void aucOfTextbookExampleIsThreeQuarters() {
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] positive = {false, false, true, true};
        assertThat(ClassificationMetrics.auc(scores, positive)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aucCountsTiesAsHalf() {
        assertThat(ClassificationMetrics.auc(new double[] {1, 1, 1, 1}, new boolean[] {true, false, true, false}))
                .isEqualTo(0.5);
        assertThat(ClassificationMetrics.auc(new double[] {1, 2, 2}, new boolean[] {false, true, false}))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aucNeedsBothClasses() {
        assertThatThrownBy(() -> ClassificationMetrics.auc(new double[] {1, 2}, new boolean[] {true, true}))
                .hasMessageContaining("both classes");
    }

    @Test
    void logLossMatchesHandComputation() {
        double expected = -(Math.log(0.9) + Math.log(0.8)) / 2;
        assertThat(ClassificationMetrics.logLoss(new double[] {0.9, 0.2}, new boolean[] {true, false}))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void rankingMetricsMatchHandComputation() {
        int[] ranked = {3, 1, 4, 5, 9};
        BitSet relevant = new BitSet();
        relevant.set(1);
        relevant.set(5);
        relevant.set(7);
        assertThat(RankingMetrics.precisionAtK(ranked, relevant, 5)).isCloseTo(0.4, within(1e-12));
        assertThat(RankingMetrics.recallAtK(ranked, relevant, 5)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingMetrics.hitRateAtK(ranked, relevant, 5)).isEqualTo(1.0);
        double dcg = 1 / log2(3) + 1 / log2(5);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(RankingMetrics.ndcgAtK(ranked, relevant, 5)).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(RankingMetrics.averagePrecisionAtK(ranked, relevant, 5)).isCloseTo((0.5 + 0.5) / 3, within(1e-12));
    }

    @Test
    void rankingMetricsOnlyReadTheFirstK() {
        int[] ranked = {3, 1, 4};
        BitSet relevant = new BitSet();
        relevant.set(1);
        assertThat(RankingMetrics.precisionAtK(ranked, relevant, 1)).isZero();
        assertThat(RankingMetrics.hitRateAtK(ranked, relevant, 1)).isZero();
        assertThat(RankingMetrics.ndcgAtK(ranked, relevant, 2)).isCloseTo(1 / log2(3), within(1e-12));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void plattScalingRecoversAKnownLogisticCurve() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        int n = 20_000;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 1 + 4 * random.nextDouble();
            double p = 1 / (1 + Math.exp(-(2.0 * scores[i] - 7.0)));
            positive[i] = random.nextDouble() < p;
        }
        PlattScaling curve = PlattScaling.fit(scores, positive);
        assertThat(curve.a()).isCloseTo(2.0, within(0.15));
        assertThat(curve.b()).isCloseTo(-7.0, within(0.5));
        assertThat(curve.probability(3.5)).isCloseTo(0.5, within(0.03));
    }
}
