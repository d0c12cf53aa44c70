package io.reelfm.core.fm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class UserPopulationPriorTest {

    private static final FoldInPrior FALLBACK = FoldInPrior.ridge(9f, 9f, 1);

    /** Features 0-2 are users, 3 an item whose factor is 0, so predictions are w0 + w_u + w_i. */
    private static FmParams params() {
        FmParams p = new FmParams(4, 1);
        double[] w = {1, 2, 3, 0};
        double[] v = {0.5, 1.5, 1.0, 0};
        System.arraycopy(w, 0, p.w, 0, 4);
        System.arraycopy(v, 0, p.v, 0, 4);
        return p;
    }

    private static FmData rows(float... targets) {
        FmData.Builder b = new FmData.Builder();
        for (int u = 0; u < targets.length; u++) {
            b.add(new int[] {u, 3}, new float[] {1, 1}, 2, targets[u]);
        }
        return b.build();
    }

    @Test
    void withCertainUsersTheRidgeIsTheResidualVarianceOverTheSpreadOfTheirMeans() {
        // residuals 1, -1, 0: variance 2/3; user weights 1, 2, 3: mean 2, variance 2/3;
        // user factors 0.5, 1.5, 1: mean 1, variance 1/6
        FmData data = rows(2, 1, 3);
        float[] targets = {2, 1, 3};
        FoldInPrior prior = UserPopulationPrior.estimate(params(), new double[4], new float[4], new boolean[] {true, true, true, false}, data,
                targets, FALLBACK);
        assertEquals(2f, prior.meanW(), 1e-6f);
        assertEquals(1f, prior.ridgeW(), 1e-5f);
        assertArrayEquals(new float[] {1f}, prior.meanV(), 1e-6f);
        assertArrayEquals(new float[] {4f}, prior.ridgeV(), 1e-5f);
        assertEquals(false, prior.perRating());
    }

    @Test
    void posteriorUncertaintyOfEachUserWidensThePrior() {
        // total variance = spread of the means + mean posterior variance: 2/3 + 1/3 for w, 1/6 + 1/6 for v
        double[] wVariance = {1.0 / 3, 1.0 / 3, 1.0 / 3, 5};
        float[] vVariance = {1f / 6, 1f / 6, 1f / 6, 5};
        FoldInPrior prior = UserPopulationPrior.estimate(params(), wVariance, vVariance,
                new boolean[] {true, true, true, false}, rows(2, 1, 3), new float[] {2, 1, 3}, FALLBACK);
        assertEquals(2f / 3, prior.ridgeW(), 1e-5f);
        assertArrayEquals(new float[] {2f}, prior.ridgeV(), 1e-5f);
    }

    @Test
    void withOneTrainedUserTheFallbackIsKept() {
        FmData data = rows(2, 1, 3);
        FoldInPrior prior = UserPopulationPrior.estimate(params(), new double[4], new float[4], new boolean[] {true, false, false, false}, data,
                new float[] {2, 1, 3}, FALLBACK);
        assertSame(FALLBACK, prior);
    }

    @Test
    void aPerfectFitKeepsTheFallbackRatherThanAZeroRidge() {
        FmData data = rows(1, 2, 3);
        FoldInPrior prior = UserPopulationPrior.estimate(params(), new double[4], new float[4], new boolean[] {true, true, true, false}, data,
                new float[] {1, 2, 3}, FALLBACK);
        assertSame(FALLBACK, prior);
    }
}
