package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EaseTest {

    @Test
    void theNativeInverseTimesTheMatrixIsTheIdentity() {
        int n = 40;
        Random random = new Random(3);
        double[] x = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = random.nextGaussian();
                x[i * n + j] = v;
                x[j * n + i] = v;
            }
            x[i * n + i] += 3 * n;
        }
        double[] p = Ease.inverse(x.clone(), n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int m = 0; m < n; m++) {
                    s += p[i * n + m] * x[m * n + j];
                }
                assertThat(s).as("(P G)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void anItemNeverRecommendsItselfAndCoOccurrenceDrivesTheScores() {
        RatingSetBuilder b = new RatingSetBuilder(new IdIndex(), new IdIndex());
        for (int u = 0; u < 30; u++) {
            b.add("u" + u, "a", 4f, 1);
            b.add("u" + u, "b", 4f, 2);
            if (u % 3 == 0) {
                b.add("u" + u, "c", 4f, 3);
            }
        }
        b.add("new", "a", 5f, 1);
        RatingSet data = b.build();
        EaseModel model = new Ease(5).train(Interactions.of(data, InteractionWeight.UNIFORM));
        for (int i = 0; i < 3; i++) {
            assertThat(model.weight(i, i)).isZero();
        }
        float[] scores = new float[3];
        model.scoreHistory(new int[] {0}, new float[] {5}, scores);
        assertThat(scores[1]).as("b, always with a").isGreaterThan(scores[2]);
    }

    @Test
    void refusesACatalogueTooLargeForADenseInverse() {
        RatingSetBuilder b = new RatingSetBuilder(new IdIndex(), new IdIndex());
        b.add("u", "i", 1f, 1);
        RatingSet tiny = b.build(1, Ease.MAX_ITEMS + 1);
        assertThatThrownBy(() -> new Ease(10).train(Interactions.of(tiny, InteractionWeight.UNIFORM)))
                .hasMessageContaining("at most " + Ease.MAX_ITEMS);
    }
}
