package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;

class RankingFitterTest {

    @Test
    void theTunedRankingModelIsPublishedAsARankingSnapshotAndFindsEachUsersTasteGroup() {
        TrainingState s = TasteGroups.load(TasteGroups.events(300, 150, 30, 11));
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users(), s.items(), 2, 5, 10_000, 3);
        ModelSpec spec = new ModelSpec("ranking", "ials", 16, 0.01, 10, 0.01, 42, 20, java.util.Set.of(), true);
        SnapshotFitter fitter = spec.newFitter(new RankingConfig(10, 4f));
        FmSnapshot snapshot = fitter.fit(FmInputs.of(s, split.train()));
        assertThat(fitter.fitted()).isTrue();
        assertThat(fitter.hyperparameters()).containsEntry("tuned", "true").containsKey("unobservedWeight");
        FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(snapshot));
        assertThat(decoded.task()).isEqualTo(FmTask.RANKING);

        HoldoutEvaluator evaluator = new HoldoutEvaluator(10, 4f, 50);
        HoldoutMetrics ranking = evaluator.evaluate(new FmItemScorer(decoded), s.ratings(), s.users(), s.items(), split,
                id -> null);
        assertThat(ranking.rankingOnly()).isTrue();
        assertThat(ranking.asMap()).doesNotContainKey("rmse").containsKey("ndcg@10");
        assertThat(ranking.ranked()).as("every held-out user with a relevant item is ranked, not only 50").isGreaterThan(50);
        // a list drawn at random from ~130 unrated items scores about 0.06; the user's own group triples that
        assertThat(ranking.ndcg()).isGreaterThan(0.12);
    }

    @Test
    void theDefaultRankingModelReadsGenresAndProfilesAndPublishesTheProfileEmbeddingsServingFoldsUsersInWith() {
        TrainingState s = TasteGroups.load(TasteGroups.events(300, 150, 30, 11));
        for (int i = 0; i < s.items().size(); i++) {
            String id = s.items().id(i);
            int group = Integer.parseInt(id.substring(1)) % 3;
            s.applyMovie(id, io.reelfm.schemas.Movie.newBuilder().setItemId(id).setTitle("T" + i).setYear(1970 + i % 30)
                    .setGenres(List.of("G" + group)).build(), "movies", 0, i);
        }
        for (int u = 0; u < s.users().size(); u++) {
            String id = s.users().id(u);
            s.applyProfile(id, io.reelfm.schemas.UserProfile.newBuilder().setUserId(id).setAge(20 + u % 40)
                    .setOccupation("o" + Integer.parseInt(id.substring(1)) % 3).build(), "users", 0, u);
        }
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users(), s.items(), 2, 5, 10_000, 3);
        ModelSpec spec = io.reelfm.trainer.config.TrainerConfig.from(io.reelfm.service.config.Settings.ofMap(
                java.util.Map.of("reelfm.trainer.model.ranking.factors", "16",
                        "reelfm.trainer.model.ranking.iterations", "8"))).models().stream()
                .filter(m -> m.name().equals("ranking")).findFirst().orElseThrow();
        SnapshotFitter fitter = spec.newFitter(new RankingConfig(10, 4f));
        assertThat(fitter.name()).isEqualTo("fm-rank");
        FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(fitter.fit(FmInputs.of(s, split.train()))));
        assertThat(fitter.hyperparameters()).containsKey("attributeStrength");
        assertThat(decoded.task()).isEqualTo(FmTask.RANKING);
        for (String occupation : List.of("occupation=o0", "occupation=o1", "occupation=o2")) {
            assertThat(decoded.feature(io.reelfm.core.fm.FeatureGroup.PROFILE, occupation)).as(occupation).isNotNegative();
        }
        FmItemScorer scorer = new FmItemScorer(decoded);
        HoldoutMetrics ranking = new HoldoutEvaluator(10, 4f, 50).evaluate(scorer, s.ratings(), s.users(), s.items(),
                split, id -> null);
        assertThat(ranking.ndcg()).isGreaterThan(0.12);
        // one liked film of group 0 and an occupation of group 0: the profile's embedding leans the list further
        // toward group 0 than the same history alone
        String[] history = {"i0"};
        float[] five = {5f};
        io.reelfm.core.data.UserAttributes profile = new io.reelfm.core.data.UserAttributes(30, null, "o0");
        assertThat(groupShare(scorer, scorer.foldIn(profile, history, five)))
                .isGreaterThan(groupShare(scorer, scorer.foldIn(null, history, five)));
    }

    /** Share of group-0 items among the 20 best-scored. */
    private static double groupShare(FmItemScorer scorer, io.reelfm.core.fm.snapshot.UserVector user) {
        Integer[] order = new Integer[scorer.snapshot().items()];
        float[] scores = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            scores[i] = scorer.predict(user, i);
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        long group = java.util.Arrays.stream(order, 0, 20)
                .filter(i -> Integer.parseInt(scorer.snapshot().itemId(i).substring(1)) % 3 == 0).count();
        return group / 20.0;
    }

    @Test
    void takesNoOnlineUpdates() {
        SnapshotFitter fitter = new ModelSpec("ranking", "ials", 8, 0.01, 4, 0.01, 42, 20, java.util.Set.of(), false)
                .newFitter(RankingConfig.DEFAULT);
        assertThat(fitter.online()).isFalse();
        assertThat(fitter.hyperparameters()).containsEntry("tuned", "false").containsEntry("reg", "0.01");
        assertThatThrownBy(() -> fitter.update(null)).isInstanceOf(IllegalStateException.class);
    }
}
