package io.reelfm.trainer.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.consume.EventConsumer;
import io.reelfm.trainer.model.FmFitter;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.store.TrainingState;

/**
 * When each model is fitted:
 *
 * <ol>
 *   <li>the first full fit once {@code min-ratings} ratings have arrived and the consumer has
 *       caught up with the topics (so a cold rebuild never fits on a partial replay);
 *   <li>a full, warm-started refit after {@code refit-after-events} new ratings, after
 *       {@code refit-after} with any new rating, or when asked through the API;
 *   <li>between refits, for SGD models, an online SGD pass over each {@code online.min-events}
 *       new ratings.
 * </ol>
 *
 * After a restart from a checkpoint, a model carries on from the active version it published
 * (see {@link #adoptActive}).
 */
final class RefitSchedule {

    private static final Logger log = LoggerFactory.getLogger(RefitSchedule.class);

    private final TrainerConfig config;
    private final TrainingState state;
    private final EventConsumer consumer;
    private final SnapshotPublisher publisher;
    /** Whether the state came from a checkpoint, so the active versions' trained offsets compare with it. */
    private final boolean resumed;
    private final long startNanos = System.nanoTime();
    /** Asked of the consumer at most once per poll. */
    private Boolean caughtUp;

    RefitSchedule(TrainerConfig config, TrainingState state, EventConsumer consumer, SnapshotPublisher publisher) {
        this.config = config;
        this.state = state;
        this.consumer = consumer;
        this.publisher = publisher;
        this.resumed = !state.offsets().isEmpty();
    }

    /** The models due for a full fit after this poll (taking explicit retrain requests). */
    List<ModelSlot> dueForFullFit(List<ModelSlot> slots) {
        caughtUp = null;
        return slots.stream().filter(this::wantsFullFit).toList();
    }

    /** The online models with enough new ratings for an incremental update. */
    List<ModelSlot> dueForOnlineUpdate(List<ModelSlot> slots) {
        return slots.stream()
                .filter(s -> s.spec().online() && s.fitted() && s.newSinceOnline() >= config.onlineMinEvents()).toList();
    }

    private boolean wantsFullFit(ModelSlot s) {
        int ratings = state.ratings().size();
        if (s.takeRetrainRequest()) {
            s.explicitRetrain(true);
            return ratings > 0;
        }
        s.explicitRetrain(false);
        if (!s.fitted() && resumed) {
            adoptActive(s);
        }
        if (!s.fitted()) {
            // A cold rebuild must not fit on a partial replay: wait until caught up (or refit-after passed).
            return ratings >= config.minRatings()
                    && (System.nanoTime() - startNanos >= config.refitAfter().toNanos() || caughtUp());
        }
        return s.newSinceFit() >= config.refitAfterEvents()
                || (s.newSinceFit() > 0 && s.nanosSinceFit() >= config.refitAfter().toNanos());
    }

    /**
     * After a restart from a checkpoint, a model whose active version this trainer published
     * with the same learner and settings carries on from that version rather than being fitted
     * again at once: the refit schedule resumes as if there had been no restart (a full refit
     * once {@code refit-after-events} ratings arrived since the version's training offsets, or
     * {@code refit-after} passed since it was created with new ratings). So stopping and starting
     * a stack does not publish a new version by itself. An online model does so only when its
     * saved parameters were restored, since online updates continue from them.
     */
    private void adoptActive(ModelSlot s) {
        Optional<ModelManifest> active = publisher.models().active(s.name());
        if (active.isEmpty()) {
            return;
        }
        ModelManifest m = active.get();
        boolean sameModel = s.fitter() == null
                ? m.getLearner().equals("kmeans")
                : m.getLearner().equals(s.fitter().name())
                        && ("true".equals(m.getHyperparameters().get("tuned"))
                                || m.getHyperparameters().equals(s.publishedHyperparameters()));
        boolean parametersBack = !s.spec().online() || (s.fitter() instanceof FmFitter fm && fm.fitted());
        if (!sameModel || !parametersBack) {
            return;
        }
        long since = 0;
        for (Map.Entry<String, Long> e : state.offsets().entrySet()) {
            since += Math.max(0, e.getValue() - m.getTrainedOffsets().getOrDefault(e.getKey(), 0L));
        }
        long age = Math.max(0, Duration.between(m.getCreatedAt(), Instant.now()).toNanos());
        s.resumeFrom(since, age);
        log.info("{} continues from its active version {} after the restart: {} input offsets since it was trained, "
                + "refit on the usual schedule", s.name(), m.getVersion(), since);
    }

    private boolean caughtUp() {
        if (caughtUp == null) {
            caughtUp = consumer.caughtUp();
        }
        return caughtUp;
    }
}
