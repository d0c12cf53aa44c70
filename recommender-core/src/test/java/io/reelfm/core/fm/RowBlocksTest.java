package io.reelfm.core.fm;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowBlocksTest {

    private static final SideWorld WORLD = new SideWorld(30, 25, 0.5, 11);
    private static final int K = 3;

    private record Setup(FmData data, FeatureSpace space, int[] groupOf, FmParams params) {
    }

    private static Setup setup() {
        FmConfig cfg = FmConfig.defaults().withK(K).withGroups(EnumSet.of(FeatureGroup.IMPLICIT, FeatureGroup.RATERS,
                FeatureGroup.PROFILE, FeatureGroup.YEAR));
        FmEncoder enc = new FmEncoder(new FeatureSpace(), WORLD.side, cfg.groups());
        FmData data = enc.encode(WORLD.train, WORLD.users, WORLD.items, WORLD.train);
        int n = data.maxFeature();
        FmParams p = FmParams.init(n, K, cfg, null, FmParams.columnCounts(data, n));
        SplittableRandom r = new SplittableRandom(4);
        for (int j = 0; j < n; j++) {
            p.w[j] = r.nextGaussian() * 0.1;
        }
        return new Setup(data, enc.space(), FmParams.groupsOf(enc.space(), n), p);
    }

    private static double objective(CoordinateLearner c, FmParams p, double lambdaW, double lambdaV) {
        double s = c.sumSquaredResiduals();
        for (double w : p.w) {
            s += lambdaW * w * w;
        }
        for (double v : p.v) {
            s += lambdaV * v * v;
        }
        return s;
    }

    @Test
    void theImplicitAndRatersGroupsAreDetectedAsBlocks() {
        Setup s = setup();
        assertNotNull(RowBlocks.detect(s.data, s.groupOf, FeatureGroup.IMPLICIT, FeatureGroup.USER));
        assertNotNull(RowBlocks.detect(s.data, s.groupOf, FeatureGroup.RATERS, FeatureGroup.ITEM));
        assertNull(RowBlocks.detect(s.data, s.groupOf, FeatureGroup.YEAR, FeatureGroup.USER),
                "release decades differ between the rows of one user");
    }

    @Test
    void blockedResidualsEqualTheExpandedOnesBeforeAndAfterSampling() {
        Setup s = setup();
        CoordinateLearner blocked = new CoordinateLearner(s.data, s.params, s.groupOf);
        blocked.refresh();
        CoordinateLearner expanded = new CoordinateLearner(s.data, s.params);
        expanded.refresh();
        assertArrayEquals(expanded.e, blocked.e, 1e-9);

        int groups = FeatureGroup.values().length;
        double[] mu = new double[groups];
        double[] lambda = AlsFmTrainer.filled(groups, 2.0);
        SplittableRandom rnd = new SplittableRandom(9);
        double[] scratch = new double[blocked.maxColumn()];
        for (int sweep = 0; sweep < 3; sweep++) {
            blocked.updateWeights(1.5, s.groupOf, mu, lambda, rnd);
            for (int f = 0; f < K; f++) {
                blocked.updateFactor(f, 1.5, s.groupOf, mu, lambda, rnd, scratch);
            }
        }
        double[] incremental = blocked.e.clone();
        expanded.refresh();
        assertArrayEquals(expanded.e, incremental, 1e-9);
        blocked.refresh();
        assertArrayEquals(expanded.e, blocked.e, 1e-9);
    }

    @Test
    void everyBlockedCoordinateStepLowersTheRegularisedObjective() {
        Setup s = setup();
        CoordinateLearner c = new CoordinateLearner(s.data, s.params, s.groupOf);
        c.refresh();
        int groups = FeatureGroup.values().length;
        double[] mu = new double[groups];
        double[] lw = AlsFmTrainer.filled(groups, 0.5);
        double[] lv = AlsFmTrainer.filled(groups, 0.8);
        double[] scratch = new double[c.maxColumn()];
        double before = objective(c, s.params, 0.5, 0.8);
        double start = before;
        for (int sweep = 0; sweep < 4; sweep++) {
            c.updateWeights(1.0, s.groupOf, mu, lw, null);
            double now = objective(c, s.params, 0.5, 0.8);
            assertTrue(now <= before + 1e-9, "weights pass raised the objective: " + before + " -> " + now);
            before = now;
            for (int f = 0; f < K; f++) {
                c.updateFactor(f, 1.0, s.groupOf, mu, lv, null, scratch);
                now = objective(c, s.params, 0.5, 0.8);
                assertTrue(now <= before + 1e-9, "factor " + f + " raised the objective: " + before + " -> " + now);
                before = now;
            }
        }
        assertTrue(before < start * 0.9, "four sweeps should fit: " + start + " -> " + before);
        assertEquals(0, s.params.w0, 0);
    }

    @Test
    void blockedPredictionsOfOtherRowsEqualTheExpandedOnes() {
        FmConfig cfg = FmConfig.defaults().withK(K).withGroups(EnumSet.of(FeatureGroup.IMPLICIT, FeatureGroup.RATERS,
                FeatureGroup.PROFILE, FeatureGroup.YEAR));
        FmEncoder enc = new FmEncoder(new FeatureSpace(), WORLD.side, cfg.groups());
        FmData train = enc.encode(WORLD.train, WORLD.users, WORLD.items, WORLD.train);
        FmData test = enc.encode(WORLD.test, WORLD.users, WORLD.items, WORLD.train);
        // a row whose implicit items match no training user, and one of a user never seen
        SparseVector stranger = enc.userContext("stranger", java.util.List.of(WORLD.items.id(0)))
                .concat(enc.item(WORLD.items.id(1)));
        SparseVector odd = enc.userContext(WORLD.users.id(0), java.util.List.of(WORLD.items.id(2)))
                .concat(enc.item(WORLD.items.id(3)));
        FmData.Builder b = new FmData.Builder();
        for (int r = 0; r < test.rows(); r++) {
            b.add(test.row(r), test.target(r));
        }
        FmData rows = b.add(stranger, 3f).add(odd, 3f).build();
        int n = Math.max(train.maxFeature(), rows.maxFeature());
        FmParams p = FmParams.init(n, K, cfg, null, FmParams.columnCounts(train, n));
        SplittableRandom r = new SplittableRandom(2);
        for (int j = 0; j < n; j++) {
            p.w[j] = r.nextGaussian() * 0.1;
        }
        int[] groupOf = FmParams.groupsOf(enc.space(), n);
        CoordinateLearner c = new CoordinateLearner(train, p, groupOf);
        double[] out = new double[rows.rows()];
        new BlockedPredictor(c, rows, groupOf, K).predict(p, out);
        double[] acc = new double[K];
        for (int row = 0; row < rows.rows(); row++) {
            assertEquals(McmcFmTrainer.predictRaw(p, rows, row, acc), out[row], 1e-9, "row " + row);
        }
        RowBlocks implicit = RowBlocks.detect(train, groupOf, FeatureGroup.IMPLICIT, FeatureGroup.USER);
        assertTrue(implicit.blockOf(rows, rows.rows() - 1, groupOf) < 0, "a changed implicit set matches no block");
        assertTrue(implicit.blockOf(rows, rows.rows() - 2, groupOf) < 0, "an unknown user matches no block");
        for (int row = 0; row < test.rows(); row++) {
            assertTrue(implicit.blockOf(rows, row, groupOf) >= 0, "test row " + row + " shares its user's block");
        }
    }
}
