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
        HoldoutSplit split = HoldoutSplit.of(s.ratings(), s.users().size(), 2, 5, 10_000, 3);
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
    void takesNoOnlineUpdates() {
        SnapshotFitter fitter = new ModelSpec("ranking", "ials", 8, 0.01, 4, 0.01, 42, 20, java.util.Set.of(), false)
                .newFitter(RankingConfig.DEFAULT);
        assertThat(fitter.online()).isFalse();
        assertThat(fitter.hyperparameters()).containsEntry("tuned", "false").containsEntry("reg", "0.01");
        assertThatThrownBy(() -> fitter.update(null)).isInstanceOf(IllegalStateException.class);
    }
}
