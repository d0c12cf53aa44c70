package io.reelfm.core.fm;

import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.topk.ScoredItems;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FmSnapshotCodecTest {

    private static final SideWorld WORLD = new SideWorld(60, 50, 0.4, 23);

    private static FmSnapshot exported(SideWorld world, FmConfig cfg) {
        FmEncoder enc = new FmEncoder(new FeatureSpace(), world.side, cfg.groups());
        FmData data = enc.encode(world.train, world.users, world.items, world.train);
        FmModel model = FmModelTrainer.train(cfg, data, enc.space(), null);
        return FmSnapshot.export(model, enc, world.items);
    }

    private static FmConfig allGroups(FmLearner learner) {
        return FmConfig.defaults().withLearner(learner).withK(3).withIterations(12)
                .withGroups(EnumSet.allOf(FeatureGroup.class));
    }

    @Test
    void aDecodedSnapshotServesExactlyTheScoresOfTheExportedOne() {
        for (FmLearner learner : FmLearner.values()) {
            FmSnapshot original = exported(WORLD, allGroups(learner));
            FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(original));
            FmItemScorer a = new FmItemScorer(original);
            FmItemScorer b = new FmItemScorer(decoded);
            assertThat(decoded.prior()).isEqualTo(original.prior());
            for (int u = 0; u < 10; u++) {
                String userId = WORLD.users.id(u);
                List<String> items = new ArrayList<>();
                List<Float> ratings = new ArrayList<>();
                for (int r = 0; r < WORLD.train.size(); r++) {
                    if (WORLD.train.user(r) == u) {
                        items.add(WORLD.items.id(WORLD.train.item(r)));
                        ratings.add(WORLD.train.value(r));
                    }
                }
                float[] ys = new float[ratings.size()];
                for (int j = 0; j < ys.length; j++) {
                    ys[j] = ratings.get(j);
                }
                String[] ids = items.toArray(String[]::new);
                UserVector ua = a.foldIn(WORLD.side.user(userId), ids, ys);
                UserVector ub = b.foldIn(WORLD.side.user(userId), ids, ys);
                assertThat(ub.query()).containsExactly(ua.query());
                assertThat(ub.constant()).isEqualTo(ua.constant());
                float[] sa = new float[original.items()];
                float[] sb = new float[decoded.items()];
                a.scoreAll(ua, sa);
                b.scoreAll(ub, sb);
                assertThat(sb).as(learner + " user " + u).containsExactly(sa);
                for (int i = 0; i < original.items(); i++) {
                    assertThat(b.predict(ub, b.item(original.itemId(i)))).isEqualTo(a.predict(ua, i));
                }
                BitSet rated = new BitSet();
                items.forEach(id -> rated.set(a.item(id)));
                ScoredItems ta = a.topK(ua, 5, rated);
                ScoredItems tb = b.topK(ub, 5, rated);
                assertThat(tb).usingRecursiveComparison().isEqualTo(ta);
            }
        }
    }

    @Test
    void mcmcVarianceSurvivesTheRoundTrip() {
        FmSnapshot original = exported(WORLD, allGroups(FmLearner.MCMC));
        FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(original));
        assertThat(original.retrievalVariance(0)).isNotEqualTo(new float[3]);
        for (int i = 0; i < original.items(); i++) {
            assertThat(decoded.retrievalVariance(i)).containsExactly(original.retrievalVariance(i));
            assertThat(decoded.retrievalVector(i)).containsExactly(original.retrievalVector(i));
            assertThat(decoded.itemBias(i)).isEqualTo(original.itemBias(i));
        }
    }

    @Test
    void payloadSizeDependsOnItemsAndFeaturesNotOnUsers() {
        FmConfig ids = FmConfig.defaults().withLearner(FmLearner.ALS).withK(4).withIterations(3);
        byte[] few = FmSnapshotCodec.encode(exported(new SideWorld(30, 40, 0.5, 5), ids));
        byte[] many = FmSnapshotCodec.encode(exported(new SideWorld(300, 40, 0.5, 5), ids));
        assertThat(many.length).isEqualTo(few.length);
        FmSnapshot decoded = FmSnapshotCodec.decode(many);
        assertThat(decoded.features().size()).isZero();
        assertThat(decoded.items()).isEqualTo(40);
    }

    @Test
    void onlyUserSideFeaturesAreCarried() {
        FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(exported(WORLD,
                allGroups(FmLearner.ALS))));
        FeatureSpace space = decoded.features();
        assertThat(space.size()).isPositive();
        for (int j = 0; j < space.size(); j++) {
            assertThat(space.group(j).side()).isEqualTo(FeatureGroup.Side.USER);
        }
        assertThat(decoded.feature(FeatureGroup.IMPLICIT, WORLD.items.id(0))).isNotNegative();
        assertThat(decoded.feature(FeatureGroup.GENRES, "Drama")).isEqualTo(-1);
        assertThatThrownBy(() -> decoded.itemFactor(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyTruncationIsRejectedWithAClearError() {
        byte[] full = FmSnapshotCodec.encode(exported(WORLD, allGroups(FmLearner.ALS)));
        for (int len = 0; len < full.length; len += Math.max(1, full.length / 397)) {
            byte[] cut = Arrays.copyOf(full, len);
            assertThatThrownBy(() -> FmSnapshotCodec.decode(cut)).as("length " + len)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot");
        }
        assertThatThrownBy(() -> FmSnapshotCodec.decode(Arrays.copyOf(full, full.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foreignVersionedOrPaddedPayloadsAreRejected() {
        byte[] full = FmSnapshotCodec.encode(exported(WORLD, allGroups(FmLearner.SGD)));
        byte[] foreign = full.clone();
        foreign[3] = '1';
        assertThatThrownBy(() -> FmSnapshotCodec.decode(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an RFM2 snapshot");
        assertThat(FmSnapshotCodec.isSnapshot(foreign)).isFalse();
        assertThat(FmSnapshotCodec.isSnapshot(full)).isTrue();
        byte[] newer = full.clone();
        ByteBuffer.wrap(newer).putInt(4, FmSnapshotCodec.RANKING_VERSION + 1);
        assertThatThrownBy(() -> FmSnapshotCodec.decode(newer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported RFM2 format version");
        byte[] padded = Arrays.copyOf(full, full.length + 1);
        assertThatThrownBy(() -> FmSnapshotCodec.decode(padded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
        byte[] hugeCount = full.clone();
        ByteBuffer.wrap(hugeCount).putInt(9, -5);
        assertThatThrownBy(() -> FmSnapshotCodec.decode(hugeCount)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FmSnapshotCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
