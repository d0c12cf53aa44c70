package io.reelfm.core.fm;

import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.retrieval.BruteForceTopK;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldInTest {

    private static final SideWorld WORLD = new SideWorld(60, 50, 0.4, 17);
    private static final FmConfig CFG = FmConfig.defaults().withLearner(FmLearner.ALS).withK(3).withIterations(15)
            .withRegularisation(0, 2, 3).withScale(-100f, 100f).withGroups(EnumSet.allOf(FeatureGroup.class));

    private record Trained(FmEncoder encoder, FmModel model, FmItemScorer scorer) {
    }

    private static Trained train() {
        FmEncoder enc = new FmEncoder(new FeatureSpace(), WORLD.side, CFG.groups());
        FmData data = enc.encode(WORLD.train, WORLD.users, WORLD.items, WORLD.train);
        for (int i = 0; i < WORLD.items.size(); i++) {
            enc.item(WORLD.items.id(i));
        }
        FmModel model = FmModelTrainer.train(CFG, data, enc.space(), null);
        return new Trained(enc, model, new FmItemScorer(FmSnapshot.export(model, enc, WORLD.items)));
    }

    private static List<Integer> rowsOf(int user) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < WORLD.train.size(); r++) {
            if (WORLD.train.user(r) == user) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** Objective of the user's own parameters with everything else fixed. */
    private static double objective(FmModel m, List<SparseVector> xs, float[] ys, int uf) {
        FoldInPrior p = m.foldInPrior();
        double s = 0;
        for (int r = 0; r < ys.length; r++) {
            double d = ys[r] - m.raw(xs.get(r).indices(), xs.get(r).values(), xs.get(r).nnz());
            s += d * d;
        }
        double dw = m.weight(uf) - p.meanW();
        s += p.ridgeW() * dw * dw;
        for (int f = 0; f < m.k(); f++) {
            double dv = m.factor(uf, f) - p.meanV()[f];
            s += p.ridgeV()[f] * dv * dv;
        }
        return s;
    }

    private static FmModel withUserParam(FmModel m, int uf, int f, double value) {
        float[] w = m.weightsCopy();
        float[] v = m.factorsCopy();
        if (f < 0) {
            w[uf] = (float) value;
        } else {
            v[uf * m.k() + f] = (float) value;
        }
        return new FmModel(m.task(), m.k(), m.globalBias(), w, v, m.space(), m.minTarget(), m.maxTarget(),
                m.foldInPrior());
    }

    @Test
    void foldInEqualsAFullRefitOfThatUsersRow() {
        Trained t = train();
        int user = 3;
        String userId = WORLD.users.id(user);
        List<Integer> rows = rowsOf(user);
        List<String> rated = new ArrayList<>();
        float[] ys = new float[rows.size()];
        for (int j = 0; j < rows.size(); j++) {
            rated.add(WORLD.items.id(WORLD.train.item(rows.get(j))));
            ys[j] = WORLD.train.value(rows.get(j));
        }
        SparseVector ctx = t.encoder.userContext(userId, rated);
        List<SparseVector> xs = new ArrayList<>();
        for (String item : rated) {
            xs.add(ctx.concat(t.encoder.item(item)));
        }
        int uf = t.encoder.space().find(FeatureGroup.USER, userId);
        // Refit: exact coordinate minimisation of the quadratic objective from a zero start.
        FmModel m = withUserParam(t.model, uf, -1, 0);
        for (int f = 0; f < m.k(); f++) {
            m = withUserParam(m, uf, f, 0);
        }
        for (int sweep = 0; sweep < 300; sweep++) {
            for (int c = -1; c < m.k(); c++) {
                double x0 = c < 0 ? m.weight(uf) : m.factor(uf, c);
                double fm = objective(withUserParam(m, uf, c, x0 - 1), xs, ys, uf);
                double f0 = objective(m, xs, ys, uf);
                double fp = objective(withUserParam(m, uf, c, x0 + 1), xs, ys, uf);
                double curvature = fp - 2 * f0 + fm;
                m = withUserParam(m, uf, c, x0 - (fp - fm) / (2 * curvature));
            }
        }
        UserVector uv = t.scorer.foldIn(WORLD.side.user(userId), rated.toArray(String[]::new), ys);
        assertEquals(rows.size(), uv.ratingsUsed());
        for (int i = 0; i < WORLD.items.size(); i++) {
            SparseVector x = ctx.concat(t.encoder.item(WORLD.items.id(i)));
            assertEquals(m.predict(x), t.scorer.predict(uv, t.scorer.item(WORLD.items.id(i))), 2e-3,
                    "item " + i);
        }
        // ALS converged on that row too, so the trained model itself agrees closely.
        SparseVector first = ctx.concat(t.encoder.item(rated.get(0)));
        assertEquals(t.model.predict(first), t.scorer.predict(uv, t.scorer.item(rated.get(0))), 0.05);
    }

    @Test
    void aUserTheTrainerNeverSawIsPersonalisedFromTheirFirstRatings() {
        Trained t = train();
        List<String> items = new ArrayList<>();
        List<Float> ratings = new ArrayList<>();
        // the held-out test ratings of user 7 stand in for a newcomer, under a fresh id
        for (int r = 0; r < WORLD.test.size(); r++) {
            if (WORLD.test.user(r) == 7) {
                items.add(WORLD.items.id(WORLD.test.item(r)));
                ratings.add(WORLD.test.value(r));
            }
        }
        for (int r : rowsOf(7)) {
            items.add(WORLD.items.id(WORLD.train.item(r)));
            ratings.add(WORLD.train.value(r));
        }
        int half = items.size() / 2;
        String[] known = items.subList(0, half).toArray(String[]::new);
        float[] knownRatings = new float[half];
        for (int j = 0; j < half; j++) {
            knownRatings[j] = ratings.get(j);
        }
        UserVector cold = t.scorer.foldIn(null, new String[0], new float[0]);
        UserVector warm = t.scorer.foldIn(null, known, knownRatings);
        double coldErr = 0;
        double warmErr = 0;
        for (int j = half; j < items.size(); j++) {
            int i = t.scorer.item(items.get(j));
            coldErr += Math.pow(t.scorer.predict(cold, i) - ratings.get(j), 2);
            warmErr += Math.pow(t.scorer.predict(warm, i) - ratings.get(j), 2);
        }
        assertTrue(warmErr < coldErr, "folded-in error " + warmErr + " should beat cold start " + coldErr);
    }

    @Test
    void topKOverTheItemMatrixEqualsBruteForceWithExclusions() {
        Trained t = train();
        UserVector uv = t.scorer.foldIn(WORLD.side.user("u5"), new String[]{"i1", "i2", "i9"},
                new float[]{5, 1, 4});
        int n = t.scorer.snapshot().items();
        float[] fast = new float[n];
        t.scorer.scoreAll(uv, fast);
        float[] q = new float[n * 3];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(t.scorer.snapshot().retrievalVector(i), 0, q, i * 3, 3);
            b[i] = t.scorer.snapshot().itemBias(i);
        }
        float[] slow = BruteForceTopK.scoreAll(q, b, 3, uv.query(), uv.constant());
        assertArrayEquals(slow, fast, 1e-4f);
        BitSet excluded = new BitSet();
        excluded.set(t.scorer.item("i1"));
        excluded.set(t.scorer.item("i9"));
        ScoredItems top = t.scorer.topK(uv, 10, excluded);
        ScoredItems expected = TopK.select(slow, 10, excluded);
        assertArrayEquals(expected.indices(), top.indices());
        for (int r = 0; r < top.size(); r++) {
            assertFalse(excluded.get(top.index(r)));
        }
    }
}
