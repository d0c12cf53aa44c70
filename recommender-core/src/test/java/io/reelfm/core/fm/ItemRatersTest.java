package io.reelfm.core.fm;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.UserVector;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemRatersTest {

    private static final Set<FeatureGroup> RATERS = EnumSet.of(FeatureGroup.RATERS);

    @Test
    void anItemsRatersComeFromTheTrainingRatingsOnlyEachOfValueOneOverRootCount() {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        RatingSet train = new RatingSetBuilder(users, items).add("a", "m", 4, 0).add("b", "m", 3, 1)
                .add("c", "m", 5, 2).add("d", "m", 2, 3).add("a", "n", 1, 4).build();
        RatingSet test = new RatingSetBuilder(users, items).add("e", "m", 5, 5).build(users.size(), items.size());
        FmEncoder enc = new FmEncoder(new FeatureSpace(), SideInfo.empty(), RATERS);
        FmData testRows = enc.encode(test, users, items, train);

        SparseVector row = testRows.row(0);
        Set<String> raters = new HashSet<>();
        for (int p = 0; p < row.nnz(); p++) {
            int j = row.indices()[p];
            if (enc.space().group(j) == FeatureGroup.RATERS) {
                raters.add(enc.space().name(j));
                assertEquals(0.5f, row.values()[p], 1e-6f);
            }
        }
        assertEquals(Set.of("a", "b", "c", "d"), raters);
        assertFalse(raters.contains("e"));
        assertEquals(1 + 1, enc.item("n").nnz());
    }

    @Test
    void withoutTheGroupAnItemIsItsIdAlone() {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        RatingSet train = new RatingSetBuilder(users, items).add("a", "m", 4, 0).add("b", "m", 3, 1).build();
        FmEncoder enc = new FmEncoder(new FeatureSpace(), SideInfo.empty(), Set.of());
        enc.encode(train, users, items, train);
        assertEquals(1, enc.item("m").nnz());
    }

    @Test
    void theSnapshotFoldsTheRatersIntoEachItemsBiasAndRetrievalVectorAndDropsThem() {
        SideWorld world = new SideWorld(40, 30, 0.5, 5);
        FmConfig cfg = FmConfig.defaults().withLearner(FmLearner.ALS).withK(3).withIterations(5)
                .withRegularisation(0, 2, 3).withScale(-100f, 100f).withGroups(RATERS);
        FmEncoder enc = new FmEncoder(new FeatureSpace(), world.side, cfg.groups());
        FmData data = enc.encode(world.train, world.users, world.items, world.train);
        FmModel model = FmModelTrainer.train(cfg, data, enc.space(), null);
        FmSnapshot snapshot = FmSnapshot.export(model, enc, world.items);
        FmItemScorer scorer = new FmItemScorer(snapshot);
        assertEquals(-1, snapshot.feature(FeatureGroup.RATERS, world.users.id(0)));
        int raterFeature = model.space().find(FeatureGroup.RATERS, world.users.id(0));
        assertTrue(raterFeature >= 0);
        assertTrue(model.factor(raterFeature, 0) != 0f);

        // the trained user's own context, scored through the decomposition, against the full model
        String userId = world.users.id(2);
        SparseVector ctx = enc.userContext(userId, List.of());
        int k = model.k();
        float[] p = new float[k];
        double constant = model.globalBias();
        double sq = 0;
        for (int q = 0; q < ctx.nnz(); q++) {
            int j = ctx.indices()[q];
            constant += model.weight(j) * ctx.values()[q];
            for (int f = 0; f < k; f++) {
                double vx = model.factor(j, f) * ctx.values()[q];
                p[f] += (float) vx;
                sq += vx * vx;
            }
        }
        double pp = 0;
        for (float pf : p) {
            pp += pf * pf;
        }
        UserVector user = new UserVector(p, (float) (constant + 0.5 * (pp - sq)), 0);
        for (int i = 0; i < world.items.size(); i++) {
            SparseVector x = ctx.concat(enc.item(world.items.id(i)));
            assertTrue(x.nnz() > 1, "item " + i + " has raters");
            assertEquals(model.predict(x), scorer.predict(user, scorer.item(world.items.id(i))), 1e-4, "item " + i);
        }
    }
}
