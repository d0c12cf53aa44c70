package io.reelfm.core.fm;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureSpaceAndConfigTest {

    @Test
    void theSpaceGrowsOnlineAndKeepsEarlierIndices() {
        FeatureSpace s = new FeatureSpace();
        int a = s.indexOf(FeatureGroup.USER, "1");
        int b = s.indexOf(FeatureGroup.ITEM, "1");
        assertEquals(0, a);
        assertEquals(1, b);
        assertEquals(a, s.indexOf(FeatureGroup.USER, "1"));
        assertEquals(-1, s.find(FeatureGroup.GENRES, "1"));
        FeatureSpace copy = s.copy();
        s.indexOf(FeatureGroup.GENRES, "Drama");
        assertEquals(3, s.size());
        assertEquals(2, copy.size());
        assertEquals(FeatureGroup.GENRES, s.group(2));
    }

    @Test
    void theEncoderEmitsOnlyTheConfiguredGroups() {
        SideInfo side = SideInfo.empty();
        side.putItem("m", new ItemAttributes(1995, List.of("Drama", "Comedy")));
        side.putUser("u", new UserAttributes(30, "F", "writer"));
        FmEncoder idsOnly = new FmEncoder(new FeatureSpace(), side, Set.of());
        assertEquals(1, idsOnly.item("m").nnz());
        assertEquals(1, idsOnly.userContext("u", List.of("a", "b")).nnz());
        FmEncoder all = new FmEncoder(new FeatureSpace(), side, EnumSet.allOf(FeatureGroup.class));
        assertEquals(4, all.item("m").nnz());
        SparseVector ctx = all.userContext("u", List.of("a", "b", "c", "d"));
        assertEquals(1 + 3 + 4, ctx.nnz());
        assertEquals(0.5f, ctx.values()[ctx.nnz() - 1], 1e-6f);
        assertTrue(all.space().find(FeatureGroup.PROFILE, "age=25-34") >= 0);
        assertTrue(all.space().find(FeatureGroup.YEAR, "1990s") >= 0);
    }

    @Test
    void invalidConfigNamesTheField() {
        FmConfig d = FmConfig.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withK(-1)).getMessage().startsWith("k "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withIterations(0)).getMessage()
                .startsWith("iterations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(0, 0)).getMessage()
                .startsWith("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withScale(5, 1)).getMessage()
                .startsWith("minTarget"));
        assertTrue(d.groups().containsAll(Set.of(FeatureGroup.USER, FeatureGroup.ITEM)));
        assertEquals("fm-mcmc-k8-USER+ITEM", d.label());
    }

    private static double genreNorm(FmConfig cfg) {
        SideWorld w = new SideWorld(40, 30, 0.5, 5);
        FmEncoder enc = new FmEncoder(new FeatureSpace(), w.side, cfg.groups());
        FmModel m = FmModelTrainer.train(cfg, enc.encode(w.train, w.users, w.items, w.train), enc.space(), null);
        double norm = 0;
        for (int j = 0; j < m.numFeatures(); j++) {
            if (enc.space().group(j) == FeatureGroup.GENRES) {
                norm += Math.abs(m.weight(j));
                for (int f = 0; f < m.k(); f++) {
                    norm += Math.abs(m.factor(j, f));
                }
            }
        }
        return norm;
    }

    @Test
    void perGroupRegularisationShrinksOnlyThatGroup() {
        for (FmLearner learner : new FmLearner[]{FmLearner.SGD, FmLearner.ALS}) {
            FmConfig cfg = FmConfig.defaults().withLearner(learner).withK(2).withIterations(20)
                    .withRegularisation(0, 0.05, 0.05).withLearningRate(0.02, 0)
                    .withGroups(EnumSet.of(FeatureGroup.GENRES));
            double free = genreNorm(cfg);
            // SGD's step must stay stable (eta * lambda < 1); ALS's ridge is a sum over all rows
            double scale = learner == FmLearner.SGD ? 40 : 1e5;
            double shrunk = genreNorm(cfg.withGroupRegScale(FeatureGroup.GENRES, scale));
            assertTrue(shrunk < free / 4, learner + ": genre parameters " + shrunk + " vs unscaled " + free);
        }
        assertThrows(IllegalArgumentException.class,
                () -> FmConfig.defaults().withGroupRegScale(FeatureGroup.ITEM, -1));
    }

    @Test
    void alsRefusesClassificationNamingTheTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlsFmTrainer(FmConfig.defaults().withTask(FmTask.CLASSIFICATION)));
        assertTrue(e.getMessage().startsWith("task"), e.getMessage());
    }
}
