package io.reelfm.core.fm;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemSideConstantsTest {

    /** Rows (user u, item m, genre g): features 0 = user, 1 = item m, 2 = genre; k = 1. */
    private static FmData oneRow(FeatureSpace space) {
        int u = space.indexOf(FeatureGroup.USER, "u");
        int m = space.indexOf(FeatureGroup.ITEM, "m");
        int g = space.indexOf(FeatureGroup.GENRES, "Drama");
        return new FmData.Builder().add(new int[] {u, m, g}, new float[] {1, 1, 1}, 3, 4f).build();
    }

    private static FmParams params(double wItem, double wGenre, double vItem, double vGenre) {
        FmParams p = new FmParams(3, 1);
        p.w[1] = wItem;
        p.w[2] = wGenre;
        p.v[0] = 7;
        p.v[1] = vItem;
        p.v[2] = vGenre;
        return p;
    }

    @Test
    void theItemConstantIsAveragedOverSamplesNotTakenAtTheMeanFactors() {
        FeatureSpace space = new FeatureSpace();
        FmData data = oneRow(space);
        ItemSideConstants c = new ItemSideConstants(data, FmParams.groupsOf(space, 3), 3);
        // b = w_m + w_g + v_m v_g; the user's factor (7) is not item-side. At the mean factors
        // (0, 0) the interaction would vanish and b would be 0.75.
        c.add(params(0.5, 0.25, 2, 3));
        c.add(params(0.5, 0.25, -2, -3));
        float[] means = c.means();
        assertEquals(0.75 + (6 + 6) / 2.0, means[1], 1e-6);
        assertTrue(Float.isNaN(means[0]));
        assertTrue(Float.isNaN(means[2]));
    }

    @Test
    void theSnapshotExportsTheSampledConstantAsTheItemBias() {
        FeatureSpace space = new FeatureSpace();
        FmData data = oneRow(space);
        FmModel model = params(0.5, 0.25, 2, 3).toModel(FmConfig.defaults().withK(1), space, null);
        IdIndex items = new IdIndex();
        items.indexOf("m");
        FmEncoder encoder = new FmEncoder(space, SideInfo.empty(), EnumSet.noneOf(FeatureGroup.class));
        assertEquals(0.5f, FmSnapshot.export(model, encoder, items).itemBias(0), 1e-6f);
        float[] sampled = {Float.NaN, 1.25f, Float.NaN};
        assertEquals(1.25f, FmSnapshot.export(model.withItemSideBias(sampled), encoder, items).itemBias(0), 1e-6f);
        assertTrue(Float.isNaN(model.itemSideBias(1)));
        assertThrows(IllegalArgumentException.class, () -> model.withItemSideBias(new float[2]));
        assertEquals(1, data.rows());
    }

    @Test
    void everyItemOfTheTrainingRowsGetsItsConstant() {
        FeatureSpace space = new FeatureSpace();
        FmData.Builder b = new FmData.Builder();
        int u = space.indexOf(FeatureGroup.USER, "u");
        for (int i = 0; i < 100; i++) {
            int m = space.indexOf(FeatureGroup.ITEM, "m" + i);
            b.add(new int[] {u, m}, new float[] {1, 1}, 2, 3f);
            b.add(new int[] {u, m}, new float[] {1, 1}, 2, 4f);
        }
        int n = space.size();
        ItemSideConstants c = new ItemSideConstants(b.build(), FmParams.groupsOf(space, n), n);
        FmParams p = new FmParams(n, 2);
        for (int j = 0; j < n; j++) {
            p.w[j] = j;
        }
        c.add(p);
        float[] means = c.means();
        for (int i = 0; i < 100; i++) {
            int m = space.find(FeatureGroup.ITEM, "m" + i);
            assertEquals(m, means[m], 1e-6, "item " + i);
        }
        assertTrue(Float.isNaN(means[u]));
    }
}
