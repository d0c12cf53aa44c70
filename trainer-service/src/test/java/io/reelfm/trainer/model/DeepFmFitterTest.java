package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;

class DeepFmFitterTest {

    @Test
    void publishesTheRankingListsWithTheirRerankerAsOneSnapshotThatServesTheSameListsAfterDecoding() {
        TrainingState s = TasteGroups.load(TasteGroups.events(300, 150, 30, 11));
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users(), s.items(), 2, 5, 10_000, 3);
        ModelSpec spec = new ModelSpec("deepfm", "deepfm", 16, 0.01, 10, 0.01, 42, 20, Set.of(), true);
        assertThat(spec.ranking()).isTrue();
        SnapshotFitter fitter = spec.newFitter(new RankingConfig(10, 4f));
        FmSnapshot snapshot = fitter.fit(FmInputs.of(s, split.train()));

        assertThat(snapshot.task()).isEqualTo(FmTask.RANKING);
        assertThat(snapshot.reranker()).isNotNull();
        assertThat(snapshot.calibration()).as("the network orders the lists, not genre calibration").isZero();
        assertThat(fitter.hyperparameters()).containsKeys("retrieval.reg", "k", "hidden", "epochs", "validationNdcg");
        FmSnapshot decoded = FmSnapshotCodec.decode(FmSnapshotCodec.encode(snapshot));
        assertThat(decoded.reranker()).isNotNull();
        FmItemScorer original = new FmItemScorer(snapshot);
        FmItemScorer served = new FmItemScorer(decoded);
        for (String user : List.of("u1", "u2", "u3")) {
            String[] history = {"i" + (user.charAt(1) - '0'), "i" + (3 + user.charAt(1) - '0')};
            float[] ratings = {5, 4};
            BitSet rated = new BitSet();
            for (String id : history) {
                rated.set(original.item(id));
            }
            UserVector a = original.foldIn(null, history, ratings);
            UserVector b = served.foldIn(null, history, ratings);
            ScoredItems x = original.topK(a, 10, rated);
            ScoredItems y = served.topK(b, 10, rated);
            assertThat(y.indices()).containsExactly(x.indices());
            assertThat(y.scores()).containsExactly(x.scores());
        }
        HoldoutMetrics metrics = new HoldoutEvaluator(10, 4f, 50).evaluate(served, s.ratings(), s.users(), s.items(), split,
                id -> null);
        // a random list of ~130 unrated items scores about 0.06; the user's own group triples that
        assertThat(metrics.ndcg()).isGreaterThan(0.12);
    }

    @Test
    void takesNoOnlineUpdatesAndRefusesFeatureGroups() {
        SnapshotFitter fitter = new ModelSpec("challenger", "deepfm", 8, 0.01, 4, 0.01, 42, 20, Set.of(), false)
                .newFitter(RankingConfig.DEFAULT);
        assertThat(fitter.online()).isFalse();
        assertThat(fitter.name()).isEqualTo("deepfm");
        assertThatThrownBy(() -> fitter.update(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ModelSpec("challenger", "deepfm", 8, 0.01, 4, 0.01, 42, 20,
                Set.of(io.reelfm.core.fm.FeatureGroup.GENRES), false)).hasMessageContaining("choose their own inputs");
    }
}
