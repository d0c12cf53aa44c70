package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A ranking model travels as an RFM2 snapshot and serving's scorer folds users in exactly as the model does. */
class RankingSnapshotTest {

    private static final ImplicitAlsConfig CONFIG = ImplicitAlsConfig.defaults().withFactors(6).withIterations(6)
            .withWeight(new InteractionWeight(1, 5, 1f));

    private final IdIndex users = new IdIndex();
    private final IdIndex items = new IdIndex();

    private RatingSet data() {
        RatingSetBuilder b = new RatingSetBuilder(users, items);
        SplittableRandom random = new SplittableRandom(9);
        for (int u = 0; u < 80; u++) {
            for (int n = 0; n < 12; n++) {
                int i = (u % 4) + 4 * random.nextInt(10);
                b.add("u" + u, "m" + i, 1 + random.nextInt(5), n);
            }
        }
        return b.build();
    }

    @Test
    void theDecodedSnapshotFoldsInAndScoresLikeTheModel() {
        RatingSet data = data();
        ImplicitAlsModel model = new ImplicitAls(CONFIG).train(Interactions.of(data, CONFIG.weight()));
        io.reelfm.core.eval.metrics.ItemGenres genres = io.reelfm.core.eval.metrics.ItemGenres.of(items,
                id -> java.util.List.of("g" + Integer.parseInt(id.substring(1)) % 3, "all"));
        FmSnapshot snapshot = FmSnapshot.ranking(model, items, 0.25, genres);
        byte[] bytes = FmSnapshotCodec.encode(snapshot);
        assertThat(java.nio.ByteBuffer.wrap(bytes, 4, 4).getInt()).isEqualTo(FmSnapshotCodec.RANKING_VERSION);
        FmSnapshot decoded = FmSnapshotCodec.decode(bytes);
        assertThat(decoded.task()).isEqualTo(FmTask.RANKING);
        assertThat(decoded.implicitPrior()).isEqualTo(CONFIG.prior());
        assertThat(decoded.interactionWeight()).isEqualTo(CONFIG.weight());
        assertThat(decoded.calibration()).isEqualTo(0.25);
        assertThat(decoded.genres().count()).isEqualTo(4);
        for (int i = 0; i < items.size(); i++) {
            assertThat(decoded.genres().of(decoded.itemId(i).equals(items.id(i)) ? i : -1)).containsExactly(genres.of(i));
        }
        FmItemScorer scorer = new FmItemScorer(decoded);

        String[] history = {"m1", "m5", "m9", "unknown"};
        float[] ratings = {5, 4, 2, 5};
        int[] rows = {items.find("m1"), items.find("m5"), items.find("m9"), -1};
        float[] expected = model.foldIn(rows, ratings);
        UserVector served = scorer.foldIn(null, history, ratings);
        assertThat(served.ratingsUsed()).isEqualTo(3);
        assertThat(served.query()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
        float[] modelScores = new float[model.items()];
        model.scoreHistory(rows, ratings, modelScores);
        for (int i = 0; i < model.items(); i++) {
            int row = scorer.item(items.id(i));
            assertThat(scorer.predict(served, row)).isCloseTo(modelScores[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void theAttributeModelTravelsWithItsProfileEmbeddingsAndServingFoldsInTrainedUsersExactly() {
        ProfileWorld world = new ProfileWorld(120, 60, 3, 15, 2);
        ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withFactors(8).withIterations(10)
                .withPrior(new ImplicitPrior(0.01, 0.5, 1.0)).withWeight(InteractionWeight.of(world.ratings, 1f));
        Interactions interactions = Interactions.of(world.ratings, config.weight());
        AttributeAlsModel model = new AttributeAls(config, 4).train(interactions, world.userAttributes(),
                world.itemAttributes());
        FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(FmSnapshot.ranking(model, world.items, 0.1,
                null)));
        assertThat(decoded.features().size()).as("one PROFILE feature per profile column")
                .isEqualTo(model.userAttributes().attributes());
        FmItemScorer scorer = new FmItemScorer(decoded);
        int[][] rows = world.ratings.rowsByUser();
        for (int u = 0; u < 20; u++) {
            int[] items = interactions.itemsOf(u);
            String[] ids = new String[items.length];
            float[] ratings = new float[items.length];
            for (int j = 0; j < items.length; j++) {
                ids[j] = world.items.id(items[j]);
                for (int r : rows[u]) {
                    if (world.ratings.item(r) == items[j]) {
                        ratings[j] = Math.max(ratings[j], world.ratings.value(r));
                    }
                }
            }
            float[] trained = model.userVector(u);
            UserVector served = scorer.foldIn(world.side.user(world.users.id(u)), ids, ratings);
            assertThat(served.query()).as("user %d with their profile", u)
                    .containsExactly(trained, org.assertj.core.data.Offset.offset(1e-4f));
            UserVector anonymous = scorer.foldIn(null, ids, ratings);
            assertThat(anonymous.query()).as("the same history without a profile is centred on the origin")
                    .containsExactly(model.foldIn(items, ratings, null), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void ratingSnapshotsKeepFormatVersionOne() {
        RatingSet data = data();
        FmSnapshot ranking = FmSnapshot.ranking(new ImplicitAls(CONFIG).train(Interactions.of(data, CONFIG.weight())), items, 0, null);
        byte[] bytes = FmSnapshotCodec.encode(ranking);
        // a RANKING payload relabelled as version 1 is refused, not misread
        java.nio.ByteBuffer.wrap(bytes).putInt(4, FmSnapshotCodec.VERSION);
        assertThatThrownBy(() -> FmSnapshotCodec.decode(bytes)).hasMessageContaining("format version 1");
    }
}
