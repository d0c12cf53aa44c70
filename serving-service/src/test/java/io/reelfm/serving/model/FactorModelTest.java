package io.reelfm.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.fm.FmModelTrainer;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.topology.UserHistory;

class FactorModelTest {

    private static FactorModel load(byte[] payload) {
        return FactorModel.fromPayload(TestModels.manifest("fm", 1, payload, 1), payload);
    }

    @Test
    void recoversTheUserWhoseRatingsTheModelExplainsExactly() {
        int k = 4;
        int n = 200;
        java.util.Random rnd = new java.util.Random(7);
        String[] ids = new String[n];
        float[] bias = new float[n];
        float[] factors = new float[n * k];
        for (int i = 0; i < n; i++) {
            ids[i] = "m" + i;
            bias[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        for (int j = 0; j < factors.length; j++) {
            factors[j] = (float) (rnd.nextGaussian() * 0.5);
        }
        FactorModel model = load(TestModels.payload(k, 3f, 1e-4f, ids, bias, factors));
        double[] truth = {0.4, 0.8, -0.5, 0.3, 0.1};
        List<UserHistory.Entry> ratings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double y = 3 + bias[i] + truth[0];
            for (int f = 0; f < k; f++) {
                y += truth[f + 1] * factors[i * k + f];
            }
            ratings.add(new UserHistory.Entry(ids[i], (float) y, i));
        }

        UserVector folded = model.foldIn(null, ratings);

        assertThat(folded.constant()).isCloseTo((float) (3 + truth[0]), within(0.02f));
        for (int f = 0; f < k; f++) {
            assertThat(folded.query()[f]).isCloseTo((float) truth[f + 1], within(0.02f));
        }
        assertThat(model.predict(folded, 17)).isCloseTo(ratings.get(17).rating(), within(0.05f));
    }

    @Test
    void aHistorysRowsAreLookedUpOncePerModelAndFoldInTheSameAsItsEntries() {
        for (byte[] payload : List.of(TestModels.randomPayload(30, 3, "m", 1), TestModels.rankingPayload(30, 3, "m", 2))) {
            FactorModel model = load(payload);
            FactorModel other = load(TestModels.randomPayload(30, 3, "x", 3));
            UserHistory history = UserHistory.of(List.of(new UserHistory.Entry("m4", 5f, 1),
                    new UserHistory.Entry("gone", 3f, 2), new UserHistory.Entry("m17", 2f, 3)));

            int[] rows = model.rows(history);

            assertThat(rows).containsExactly(model.row("m4"), -1, model.row("m17"));
            assertThat(rows[0]).isNotNegative();
            assertThat(model.rows(history)).as("kept for the same model").isSameAs(rows);
            assertThat(other.rows(history)).as("another model's rows").containsExactly(-1, -1, -1);
            assertThat(model.rows(history)).as("looked up again after another model's").containsExactly(rows)
                    .isNotSameAs(rows);
            UserVector byHistory = model.foldIn(null, history);
            UserVector byEntries = model.foldIn(null, history.entries());
            assertThat(byHistory.query()).containsExactly(byEntries.query());
            assertThat(byHistory.constant()).isEqualTo(byEntries.constant());
            assertThat(byHistory.ratingsUsed()).isEqualTo(2);
        }
    }

    @Test
    void unknownItemsAreIgnoredAndNoKnownRatingGivesThePriorUser() {
        FactorModel model = load(TestModels.randomPayload(10, 3, "m", 1));

        UserVector v = model.foldIn(null, List.of(new UserHistory.Entry("not-in-model", 5f, 1)));

        assertThat(v.ratingsUsed()).isZero();
        assertThat(v.query()).containsOnly(0f);
        assertThat(v.constant()).isEqualTo(3.5f);
    }

    @Test
    void servesExactlyWhatTheCoreScorerComputesIncludingTheProfile() {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        SideInfo side = SideInfo.empty();
        RatingSetBuilder b = new RatingSetBuilder(users, items);
        java.util.Random rnd = new java.util.Random(3);
        for (int u = 0; u < 40; u++) {
            side.putUser("u" + u, new UserAttributes(20 + u, u % 2 == 0 ? "F" : "M", u % 3 == 0 ? "writer" : "student"));
            for (int i = 0; i < 30; i++) {
                if (rnd.nextDouble() < 0.4) {
                    b.add("u" + u, "i" + i, 1 + rnd.nextInt(5), u * 100L + i);
                }
            }
        }
        var train = b.build(users.size(), items.size());
        FmConfig cfg = FmConfig.defaults().withLearner(FmLearner.ALS).withK(3).withIterations(5)
                .withRegularisation(0, 2, 2).withGroups(EnumSet.of(FeatureGroup.PROFILE));
        FmEncoder enc = new FmEncoder(new FeatureSpace(), side, cfg.groups());
        FmData data = enc.encode(train, users, items, train);
        FmSnapshot snap = FmSnapshot.export(FmModelTrainer.train(cfg, data, enc.space(), null), enc, items);
        FmItemScorer core = new FmItemScorer(snap);
        FactorModel model = load(FmSnapshotCodec.encode(snap));

        UserProfile profile = UserProfile.newBuilder().setUserId("new").setAge(30).setGender("F")
                .setOccupation("writer").build();
        List<UserHistory.Entry> history = List.of(new UserHistory.Entry("i1", 5f, 1), new UserHistory.Entry("i2", 1f, 2));
        UserVector served = model.foldIn(profile, history);
        UserVector expected = core.foldIn(new UserAttributes(30, "F", "writer"), new String[] {"i1", "i2"},
                new float[] {5f, 1f});
        UserVector withoutProfile = model.foldIn(null, history);

        assertThat(served.query()).containsExactly(expected.query());
        assertThat(served.constant()).isEqualTo(expected.constant());
        assertThat(withoutProfile.constant()).isNotEqualTo(served.constant());
        BitSet rated = new BitSet();
        rated.set(model.row("i1"));
        rated.set(model.row("i2"));
        ScoredItems top = model.topK(served, 5, rated);
        assertThat(top.indices()).containsExactly(core.topK(expected, 5, rated).indices());
        assertThat(top.indices()).doesNotContain(model.row("i1"), model.row("i2"));
        assertThat(model.predict(served, 4)).isEqualTo(core.predict(expected, 4));
    }

    @Test
    void similarItemsAreRankedByCosineOfRetrievalVectors() {
        String[] ids = {"a", "b", "c", "d"};
        float[] factors = {1, 0, 2, 0.1f, 0, 1, -1, 0};
        FactorModel model = load(TestModels.payload(2, 3f, 1f, ids, new float[4], factors));

        ScoredItems similar = model.mostSimilar(model.row("a"), 3);

        assertThat(similar.indices()).containsExactly(model.row("b"), model.row("c"), model.row("d"));
        assertThat(similar.score(0)).isCloseTo(model.cosine(0, 1), within(1e-6f));
        assertThat(model.cosine(0, 3)).isCloseTo(-1f, within(1e-6f));
        assertThat(model.cosine(0, 2)).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void eachItemIsExplainedByTheRatedItemClosestToItInDirection() {
        String[] ids = {"a", "b", "c", "d", "z"};
        float[] factors = {1, 0, 2, 0.1f, 0, 1, -1, 0, 0, 0};
        FactorModel model = load(TestModels.payload(2, 3f, 1f, ids, new float[5], factors));
        int a = model.row("a");
        int b = model.row("b");
        int c = model.row("c");
        int d = model.row("d");
        int z = model.row("z");

        int[] because = model.closestOf(new int[] {a, c, d, z}, new int[] {b, c, z});

        // a is nearly parallel to b; c is itself; d points away from all and is still closest to c (cosine 0 > -1)
        assertThat(because).containsExactly(b, c, c, -1);
        assertThat(model.closestOf(new int[] {a}, new int[0])).containsExactly(-1);
    }

    @Test
    void malformedPayloadIsRejectedWithReason() {
        byte[] payload = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> load(payload)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFM2");
    }
}
