package io.reelfm.trainer.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.service.model.RecordAttributes;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.snapshot.ActiveVersionLoader;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.store.TrainingState;

/**
 * Decides whether a candidate may become its model's next version. The candidate and the active
 * version are scored on the same holdout through {@link FmItemScorer}, the predictor serving
 * runs; a rating model must keep its RMSE, a ranking model its NDCG, within
 * {@code gate.tolerance} of the active one's. A candidate trained on exactly the data and
 * settings of the active version is not published again. The decision is returned, never left
 * behind for someone else to pick up.
 */
final class PublishGate {

    private static final Logger log = LoggerFactory.getLogger(PublishGate.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    /** What to do with a candidate. */
    sealed interface Decision permits Unchanged, Rejected, Accepted {
    }

    /** The active version was trained on the same data with the same settings: nothing to publish. */
    record Unchanged(long activeVersion) implements Decision {
    }

    /** Worse than the active version beyond tolerance. */
    record Rejected(Rejection rejection) implements Decision {
    }

    /** May be published: the scorer built from it and its holdout metrics. */
    record Accepted(FmItemScorer scorer, HoldoutMetrics metrics) implements Decision {
    }

    private final TrainerConfig config;
    private final TrainingState state;
    private final SnapshotPublisher publisher;
    private final HoldoutEvaluator evaluator;

    PublishGate(TrainerConfig config, TrainingState state, SnapshotPublisher publisher) {
        this.config = config;
        this.state = state;
        this.publisher = publisher;
        this.evaluator = new HoldoutEvaluator(config.topN(), (float) config.relevantRating(), config.rankingUsers());
    }

    Decision judge(ModelSlot s, FmSnapshot snapshot, HoldoutSplit split) {
        Optional<ModelManifest> unchanged = unchangedActive(s, s.publishedHyperparameters());
        if (unchanged.isPresent()) {
            return new Unchanged(unchanged.get().getVersion());
        }
        FmItemScorer candidate = new FmItemScorer(snapshot);
        HoldoutMetrics metrics = evaluate(candidate, split);
        if (s.incumbent() != null) {
            HoldoutMetrics active = evaluate(s.incumbent(), split);
            String reason = reason(metrics, active, s.incumbentVersion());
            if (reason != null) {
                log.warn("Rejected candidate of {}: {}", s.name(), reason);
                return new Rejected(new Rejection(Instant.now(), s.fitter().name(), s.publishedHyperparameters(), metrics.asMap(),
                        s.incumbentVersion(), active.asMap(), reason));
            }
        }
        return new Accepted(candidate, metrics);
    }

    /**
     * The active version when it was trained on exactly the data the trainer holds now (same
     * offsets on every input partition) by the same learner with the same settings, so
     * publishing a refit of it would add a version with nothing new: what a restart without new
     * data would otherwise do. Settings a tuner chose are not compared (the search may land a
     * little differently each time); changed configuration is. An explicit retrain request still
     * publishes.
     */
    Optional<ModelManifest> unchangedActive(ModelSlot s, Map<String, String> hyperparameters) {
        if (s.explicitRetrain()) {
            return Optional.empty();
        }
        return publisher.models().active(s.name()).filter(m -> m.getTrainedOffsets().equals(state.offsets())
                && m.getLearner().equals(s.fitter() == null ? "kmeans" : s.fitter().name())
                && ("true".equals(m.getHyperparameters().get("tuned")) || m.getHyperparameters().equals(hyperparameters)));
    }

    /** Makes sure the slot is gated against the version now active on the topics (after restarts and rollbacks). */
    void ensureIncumbent(ModelSlot s) {
        long active = publisher.models().active(s.name()).map(ModelManifest::getVersion).orElse(-1L);
        if (active == s.incumbentVersion()) {
            return;
        }
        s.incumbent(null, active);
        if (active < 0) {
            return;
        }
        Optional<ActiveVersionLoader.Loaded> loaded = ActiveVersionLoader.load(config.bootstrapServers(), config.kafkaClient().values(),
                s.name(), LOAD_TIMEOUT);
        if (loaded.isPresent() && "fm".equals(loaded.get().manifest().getKind())) {
            long version = loaded.get().manifest().getVersion();
            s.incumbent(null, version);
            try {
                s.incumbent(new FmItemScorer(FmSnapshotCodec.decode(loaded.get().payload())), version);
            } catch (IllegalArgumentException e) {
                log.warn("Active version {} of {} is not a readable RFM2 snapshot, so the next candidate is not gated: {}",
                        version, s.name(), e.getMessage());
            }
        }
    }

    /**
     * Why the candidate may not replace the active version, or null when it may: a rating model
     * must keep its holdout RMSE within {@code gate.tolerance} of the active one's, a ranking
     * model its NDCG (both re-measured on the same holdout).
     */
    private String reason(HoldoutMetrics candidate, HoldoutMetrics active, long activeVersion) {
        if (candidate.rankingOnly() || active.rankingOnly()) {
            if (candidate.ndcg() >= active.ndcg() * (1 - config.gateTolerance())) {
                return null;
            }
            return String.format("holdout NDCG@%d %.4f is worse than active version %d's %.4f beyond tolerance %.3f",
                    candidate.topN(), candidate.ndcg(), activeVersion, active.ndcg(), config.gateTolerance());
        }
        if (candidate.rmse() <= active.rmse() * (1 + config.gateTolerance())) {
            return null;
        }
        return String.format("holdout RMSE %.4f is worse than active version %d's %.4f beyond tolerance %.3f",
                candidate.rmse(), activeVersion, active.rmse(), config.gateTolerance());
    }

    private HoldoutMetrics evaluate(FmItemScorer scorer, HoldoutSplit split) {
        return evaluator.evaluate(scorer, state.ratings(), state.users(), state.items(), split,
                userId -> RecordAttributes.user(state.profiles().get(userId)));
    }
}
