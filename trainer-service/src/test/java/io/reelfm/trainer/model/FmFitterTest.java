package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.model.RecordAttributes;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;
import io.reelfm.trainer.testdata.GeneratedRatings;

class FmFitterTest {

    private static TrainingState load(List<RatingEvent> events, int count) {
        TrainingState s = new TrainingState(1 << 16);
        for (int n = 0; n < count; n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        return s;
    }

    private static HoldoutSplit split(TrainingState s) {
        return HoldoutSplit.of(s.ratings(), s.users(), s.items(), 2, 5, 10_000, 3);
    }

    private static HoldoutMetrics evaluate(TrainingState s, FmSnapshot snapshot, HoldoutSplit split) {
        FmItemScorer served = new FmItemScorer(FmSnapshotCodec.decode(FmSnapshotCodec.encode(snapshot)));
        return new HoldoutEvaluator(10, 4f, 100).evaluate(served, s.ratings(), s.users(), s.items(), split,
                id -> RecordAttributes.user(s.profiles().get(id)));
    }

    @Test
    void everyLearnerBeatsTheGlobalMeanThroughThePublishedSnapshotAndFoldIn() {
        TrainingState s = load(GeneratedRatings.generate("t", 300, 200, 40, 11), 12_000);
        HoldoutSplit split = split(s);
        double baseline = MeanBaseline.holdoutRmse(s, split);
        for (ModelSpec spec : List.of(ModelSpec.als("a", 8, 5.0, 8), ModelSpec.sgd("s", 8, 0.05, 30, 0.01),
                new ModelSpec("m", "mcmc", 8, 1, 40, 0.01, 42, 20, ModelSpec.DEFAULT_FEATURES))) {
            FmFitter fitter = spec.newFitter();
            HoldoutMetrics m = evaluate(s, fitter.fit(FmInputs.of(s, split.train())), split);
            assertThat(fitter.name()).isEqualTo(spec.learner());
            assertThat(m.count()).isEqualTo(600);
            assertThat(m.rmse()).as(spec.learner()).isLessThan(baseline * 0.9);
            assertThat(m.mae()).isLessThan(m.rmse());
            assertThat(m.ndcg()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void anMcmcChainOnASetLargerThanItsRowSamplesDrawsFewerSamplesAndSaysSo() {
        TrainingState s = load(GeneratedRatings.generate("c", 300, 200, 40, 12), 12_000);
        HoldoutSplit split = split(s);
        FmInputs train = FmInputs.of(s, split.train());
        io.reelfm.core.fm.FmConfig config = new ModelSpec("m", "mcmc", 8, 1, 40, 0.01, 42, 20,
                ModelSpec.DEFAULT_FEATURES).fmConfig();
        FmFitter whole = new FmFitter(config, 1);
        FmSnapshot full = whole.fit(train);
        assertThat(whole.lastIterations()).isEqualTo(40);
        assertThat(whole.hyperparameters()).containsEntry("iterations", "40");
        FmFitter capped = new FmFitter(config, 1, new io.reelfm.core.fm.McmcSamples(10L * split.train().length, 4));
        FmSnapshot shorter = capped.fit(train);
        assertThat(capped.lastIterations()).isEqualTo(10);
        assertThat(capped.hyperparameters()).containsEntry("iterations", "10");
        double baseline = MeanBaseline.holdoutRmse(s, split);
        assertThat(evaluate(s, shorter, split).rmse()).as("a short chain still beats the mean").isLessThan(baseline);
        assertThat(evaluate(s, shorter, split).rmse()).isNotEqualTo(evaluate(s, full, split).rmse());
    }

    @Test
    void anMcmcModelWithRatersPublishesItsItemSideOnlyAndStillBeatsTheMean() {
        TrainingState s = load(GeneratedRatings.generate("r", 300, 200, 40, 14), 12_000);
        HoldoutSplit split = split(s);
        ModelSpec spec = new ModelSpec("m", "mcmc", 8, 1, 40, 0.01, 42, 20,
                java.util.EnumSet.of(io.reelfm.core.fm.FeatureGroup.GENRES, io.reelfm.core.fm.FeatureGroup.RATERS));
        FmSnapshot snapshot = spec.newFitter().fit(FmInputs.of(s, split.train()));
        io.reelfm.core.fm.FeatureSpace features = snapshot.features();
        assertThat(java.util.stream.IntStream.range(0, features.size()).mapToObj(features::group))
                .doesNotContain(io.reelfm.core.fm.FeatureGroup.RATERS);
        HoldoutMetrics m = evaluate(s, snapshot, split);
        assertThat(m.count()).isEqualTo(600);
        assertThat(m.rmse()).isLessThan(MeanBaseline.holdoutRmse(s, split) * 0.9);
        ModelSpec without = new ModelSpec("m", "mcmc", 8, 1, 40, 0.01, 42, 20,
                java.util.EnumSet.of(io.reelfm.core.fm.FeatureGroup.GENRES));
        assertThat(evaluate(s, without.newFitter().fit(FmInputs.of(s, split.train())), split).rmse())
                .as("raters folded into the item side change the model").isNotEqualTo(m.rmse());
    }

    @Test
    void badHyperparametersGiveAWorseModel() {
        TrainingState s = load(GeneratedRatings.generate("t", 300, 200, 40, 12), 12_000);
        HoldoutSplit split = split(s);
        HoldoutMetrics good = evaluate(s, ModelSpec.als("g", 8, 5.0, 8).newFitter().fit(FmInputs.of(s, split.train())),
                split);
        HoldoutMetrics bad = evaluate(s, ModelSpec.als("b", 8, 5000.0, 1).newFitter().fit(FmInputs.of(s, split.train())),
                split);
        assertThat(bad.rmse()).isGreaterThan(good.rmse() * 1.1);
    }

    @Test
    void onlineUpdatesAddNewItemsAndRefitsWarmStartOnGrownData() {
        List<RatingEvent> events = GeneratedRatings.generate("o", 300, 200, 40, 13);
        TrainingState s = load(events, 6_000);
        FmFitter sgd = ModelSpec.sgd("s", 8, 0.05, 20, 0.01).newFitter();
        assertThatThrownBy(() -> sgd.update(FmInputs.of(s, new int[0]))).isInstanceOf(IllegalStateException.class);
        int[] all = java.util.stream.IntStream.range(0, s.ratings().size()).toArray();
        FmSnapshot first = sgd.fit(FmInputs.of(s, all));
        int before = s.ratings().size();
        for (int n = 6_000; n < events.size(); n++) {
            s.applyRating(events.get(n), "ratings", 0, n);
        }
        int[] fresh = java.util.stream.IntStream.range(before, s.ratings().size()).toArray();
        FmSnapshot updated = sgd.update(FmInputs.of(s, fresh));
        assertThat(updated.items()).isEqualTo(s.items().size()).isGreaterThanOrEqualTo(first.items());
        HoldoutSplit split = split(s);
        HoldoutMetrics refit = evaluate(s, sgd.fit(FmInputs.of(s, split.train())), split);
        assertThat(refit.rmse()).isLessThan(MeanBaseline.holdoutRmse(s, split) * 0.9);
        assertThatThrownBy(() -> ModelSpec.als("a", 8, 5.0, 8).newFitter().update(FmInputs.of(s, fresh)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void movieAndProfileTopicsBecomeSideFeaturesOfTheSnapshot() {
        TrainingState s = load(GeneratedRatings.generate("f", 60, 40, 15, 14), 900);
        for (int i = 0; i < s.items().size(); i++) {
            String id = s.items().id(i);
            s.applyMovie(id, Movie.newBuilder().setItemId(id).setTitle("T" + i).setYear(1960 + i)
                    .setGenres(List.of(i % 2 == 0 ? "Drama" : "Comedy")).build(), "movies", 0, i);
        }
        for (int u = 0; u < s.users().size(); u++) {
            String id = s.users().id(u);
            s.applyProfile(id, UserProfile.newBuilder().setUserId(id).setAge(20 + u % 40)
                    .setOccupation(u % 2 == 0 ? "writer" : "student").build(), "users", 0, u);
        }
        int[] all = java.util.stream.IntStream.range(0, s.ratings().size()).toArray();
        FmSnapshot snap = FmSnapshotCodec.decode(FmSnapshotCodec.encode(
                ModelSpec.als("a", 4, 5.0, 5).newFitter().fit(FmInputs.of(s, all))));
        assertThat(snap.feature(FeatureGroup.PROFILE, "occupation=writer")).isNotNegative();
        assertThat(snap.feature(FeatureGroup.PROFILE, "occupation=student")).isNotNegative();
        assertThat(snap.featureWeight(snap.feature(FeatureGroup.PROFILE, "occupation=writer"))).isNotZero();
        assertThat(snap.items()).isEqualTo(s.items().size());
        assertThat(FmInputs.of(s, all).side().item(s.items().id(0)).genres()).containsExactly("Drama");
    }
}
