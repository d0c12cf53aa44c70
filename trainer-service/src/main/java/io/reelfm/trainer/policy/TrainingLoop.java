package io.reelfm.trainer.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.trainer.model.FmFitter;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.consume.EventConsumer;
import io.reelfm.trainer.content.ContentClusterJob;
import io.reelfm.trainer.eval.HoldoutEvaluator;
import io.reelfm.trainer.eval.HoldoutMetrics;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.model.FmInputs;
import io.reelfm.trainer.snapshot.ActiveVersionLoader;
import io.reelfm.trainer.snapshot.PublishInterruptedException;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.snapshot.VersionDraft;
import io.reelfm.trainer.store.StateCheckpoint;
import io.reelfm.trainer.store.TrainingState;

/**
 * The trainer's one worker thread: polls the input topics into the training state, checkpoints
 * and commits offsets, and applies the training policy:
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
 * Every candidate and the active version are scored on the same holdout through
 * {@link FmItemScorer}, the predictor serving runs; the candidate is published (as an
 * {@link FmSnapshotCodec RFM2} payload) only if its RMSE (for the ranking model: its NDCG) is
 * within {@code gate.tolerance} of the active one's, otherwise it is recorded as a {@link Rejection}.
 */
public final class TrainingLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TrainingLoop.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final TrainerConfig config;
    private final TrainingState state;
    private final EventConsumer consumer;
    private final SnapshotPublisher publisher;
    private final List<ModelSlot> slots;
    private final StateCheckpoint checkpoint;
    private final RejectionLog rejectionLog;
    private final FittedModels fittedModels;
    /** The gate's refusal of the candidate being recorded; set by gateAndPublish, consumed by record. */
    private Rejection rejected;
    private final HoldoutEvaluator evaluator;
    private volatile boolean running = true;
    private volatile LoopStatus status = new LoopStatus(0, 0, 0, null, null);
    private long lastCheckpointNanos = System.nanoTime();
    private Instant checkpointAt;
    private boolean crashed;
    private Boolean caughtUp;
    private final long startNanos = System.nanoTime();
    /** Whether the state came from a checkpoint, so the active versions' trained offsets compare with it. */
    private final boolean resumed;

    public TrainingLoop(TrainerConfig config, TrainingState state, EventConsumer consumer, SnapshotPublisher publisher,
                        List<ModelSlot> slots, StateCheckpoint checkpoint, RejectionLog rejectionLog,
                        FittedModels fittedModels) {
        this.config = config;
        this.state = state;
        this.consumer = consumer;
        this.publisher = publisher;
        this.slots = List.copyOf(slots);
        this.checkpoint = checkpoint;
        this.rejectionLog = rejectionLog;
        this.fittedModels = fittedModels;
        this.evaluator = new HoldoutEvaluator(config.topN(), (float) config.relevantRating(), config.rankingUsers());
        this.resumed = !state.offsets().isEmpty();
    }

    public LoopStatus status() {
        return status;
    }

    public List<ModelSlot> slots() {
        return slots;
    }

    /** Asks the loop to finish its current step and stop; the thread saves a final checkpoint. */
    public void stop() {
        running = false;
        try {
            consumer.wakeup();
        } catch (RuntimeException e) {
            log.debug("Consumer already closed", e);
        }
    }

    @Override
    public void run() {
        String failure = null;
        try {
            while (running) {
                step();
            }
        } catch (WakeupException e) {
            if (running) {
                failure = "consumer woken unexpectedly";
                log.error("Training loop woken while running", e);
            }
        } catch (PublishInterruptedException e) {
            crashed = true;
            failure = e.getMessage();
            log.error("Training loop stopped: {}", e.getMessage());
        } catch (RuntimeException | Error e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Training loop failed", e);
        } finally {
            try {
                if (!crashed && checkpoint != null) {
                    saveCheckpoint();
                }
            } catch (RuntimeException e) {
                log.error("Final checkpoint failed", e);
            } finally {
                consumer.close();
                status = new LoopStatus(status.lag(), consumer.recordsRead(), consumer.poisonRecords(), checkpointAt,
                        failure == null ? "stopped" : failure);
            }
        }
    }

    void step() {
        int changed = consumer.pollOnce(config.pollTimeout());
        if (changed > 0) {
            for (ModelSlot s : slots) {
                s.newSinceFit += changed;
                s.newSinceOnline += changed;
            }
        }
        commitOrCheckpoint(changed > 0);
        caughtUp = null;
        status = new LoopStatus(consumer.lag(), consumer.recordsRead(), consumer.poisonRecords(), checkpointAt, null);
        List<ModelSlot> refit = new ArrayList<>();
        for (ModelSlot s : slots) {
            if (wantsFullFit(s)) {
                refit.add(s);
            }
        }
        if (!refit.isEmpty()) {
            fullFit(refit);
            return;
        }
        List<ModelSlot> online = slots.stream()
                .filter(s -> s.spec().online() && s.fitted && s.newSinceOnline >= config.onlineMinEvents()).toList();
        if (!online.isEmpty()) {
            onlineUpdate(online);
        }
    }

    private boolean wantsFullFit(ModelSlot s) {
        int ratings = state.ratings().size();
        if (s.takeRetrainRequest()) {
            s.explicitRetrain = true;
            return ratings > 0;
        }
        s.explicitRetrain = false;
        if (!s.fitted && resumed) {
            adoptActive(s);
        }
        if (!s.fitted) {
            // A cold rebuild must not fit on a partial replay: wait until caught up (or refit-after passed).
            return ratings >= config.minRatings()
                    && (System.nanoTime() - startNanos >= config.refitAfter().toNanos() || caughtUp());
        }
        long elapsed = System.nanoTime() - s.lastFitNanos;
        return s.newSinceFit >= config.refitAfterEvents()
                || (s.newSinceFit > 0 && elapsed >= config.refitAfter().toNanos());
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
                        && ("true".equals(m.getHyperparameters().get("tuned")) || m.getHyperparameters().equals(hyperparameters(s)));
        boolean parametersBack = !s.spec().online() || (s.fitter() instanceof FmFitter fm && fm.fitted());
        if (!sameModel || !parametersBack) {
            return;
        }
        long since = 0;
        for (Map.Entry<String, Long> e : state.offsets().entrySet()) {
            since += Math.max(0, e.getValue() - m.getTrainedOffsets().getOrDefault(e.getKey(), 0L));
        }
        long age = Math.max(0, java.time.Duration.between(m.getCreatedAt(), Instant.now()).toNanos());
        s.fitted = true;
        s.newSinceFit = since;
        s.lastFitNanos = System.nanoTime() - age;
        log.info("{} continues from its active version {} after the restart: {} input offsets since it was trained, "
                + "refit on the usual schedule", s.name(), m.getVersion(), since);
    }

    private boolean caughtUp() {
        if (caughtUp == null) {
            caughtUp = consumer.caughtUp();
        }
        return caughtUp;
    }

    private void commitOrCheckpoint(boolean newData) {
        if (checkpoint == null) {
            if (newData) {
                consumer.commit(state.offsets());
            }
            return;
        }
        if (System.nanoTime() - lastCheckpointNanos >= config.checkpointInterval().toNanos()) {
            saveCheckpoint();
        }
    }

    private void saveCheckpoint() {
        checkpoint.save(state);
        if (fittedModels != null) {
            fittedModels.save(slots);
        }
        consumer.commit(state.offsets());
        lastCheckpointNanos = System.nanoTime();
        checkpointAt = Instant.now();
    }

    private HoldoutSplit split() {
        return HoldoutSplit.of(state.ratings(), state.users().size(), config.holdoutPerUser(), config.holdoutMinRatings(),
                config.holdoutMaxUsers(), config.seed());
    }

    private void fullFit(List<ModelSlot> refit) {
        boolean factorModels = refit.stream().anyMatch(s -> !s.spec().clustering());
        HoldoutSplit split = factorModels ? split() : null;
        FmInputs train = factorModels ? FmInputs.of(state, split.train()) : null;
        long trained = factorModels ? split.train().length : 0;
        for (ModelSlot s : refit) {
            long t0 = System.nanoTime();
            s.fitted = true;
            if (s.spec().clustering()) {
                cluster(s, t0);
                s.newSinceFit = 0;
                s.newSinceOnline = 0;
                s.lastFitNanos = System.nanoTime();
                continue;
            }
            try {
                ensureIncumbent(s);
                FmSnapshot candidate = s.fitter().fit(train);
                String outcome = gateAndPublish(s, candidate, split, trained);
                record(s, new FitRecord(Instant.now(), (System.nanoTime() - t0) / 1_000_000, "full", trained, outcome));
            } catch (PublishInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Full fit of {} failed", s.name(), e);
                record(s, new FitRecord(Instant.now(), (System.nanoTime() - t0) / 1_000_000, "full", trained,
                        "failed: " + e.getMessage()));
            }
            s.newSinceFit = 0;
            s.newSinceOnline = 0;
            s.lastFitNanos = System.nanoTime();
        }
        state.drainChanged();
    }

    private void onlineUpdate(List<ModelSlot> online) {
        TrainingState.ChangedRows changed = state.drainChanged();
        if (changed.overflow()) {
            online.forEach(ModelSlot::requestRetrain);
            return;
        }
        HoldoutSplit split = split();
        boolean[] held = new boolean[state.ratings().size()];
        for (int r : split.holdout()) {
            held[r] = true;
        }
        int[] rows = java.util.Arrays.stream(changed.rows()).filter(r -> !held[r]).toArray();
        FmInputs fresh = FmInputs.of(state, rows);
        for (ModelSlot s : online) {
            long t0 = System.nanoTime();
            String outcome;
            try {
                ensureIncumbent(s);
                outcome = gateAndPublish(s, s.fitter().update(fresh), split, split.train().length);
            } catch (PublishInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Online update of {} failed", s.name(), e);
                outcome = "failed: " + e.getMessage();
            }
            record(s, new FitRecord(Instant.now(), (System.nanoTime() - t0) / 1_000_000, "online", rows.length, outcome));
            s.newSinceOnline = 0;
        }
    }

    /** The content job: no holdout gate (there is no rating to predict); publishes when the catalogue is non-empty. */
    private void cluster(ModelSlot s, long t0) {
        String outcome;
        try {
            ContentClusterJob.Outcome result = new ContentClusterJob(s.spec().clusters(), s.spec().iterations(), s.spec().seed())
                    .run(state);
            Map<String, String> hyper = new LinkedHashMap<>();
            hyper.put("clusters", String.valueOf(s.spec().clusters()));
            hyper.put("iterations", String.valueOf(s.spec().iterations()));
            hyper.put("seed", String.valueOf(s.spec().seed()));
            Optional<ModelManifest> unchanged = unchangedActive(s, hyper);
            if (result == null) {
                outcome = "skipped: no movies in the catalogue yet";
            } else if (unchanged.isPresent()) {
                outcome = "not published: active version " + unchanged.get().getVersion() + " was trained on the same data";
            } else {
                Map<String, Long> counts = new LinkedHashMap<>();
                counts.put("items", (long) result.snapshot().itemIds().length);
                counts.put("ratings", (long) state.ratings().size());
                ModelManifest m = publisher.publish(new VersionDraft(s.name(), "kmeans", "kmeans", result.snapshot().toBytes(),
                        hyper, state.offsets(), result.metrics(), counts));
                outcome = "published version " + m.getVersion();
            }
        } catch (PublishInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Content clustering {} failed", s.name(), e);
            outcome = "failed: " + e.getMessage();
        }
        s.recordFit(new FitRecord(Instant.now(), (System.nanoTime() - t0) / 1_000_000, "full", state.ratings().size(), outcome));
    }

    /** Makes sure the slot gates against the version now active on the topics (after restarts and rollbacks). */
    private void ensureIncumbent(ModelSlot s) {
        long active = publisher.models().active(s.name()).map(ModelManifest::getVersion).orElse(-1L);
        if (active == s.incumbentVersion) {
            return;
        }
        s.incumbent = null;
        s.incumbentVersion = active;
        if (active < 0) {
            return;
        }
        Optional<ActiveVersionLoader.Loaded> loaded = ActiveVersionLoader.load(config.bootstrapServers(), config.kafkaClient().values(), s.name(), LOAD_TIMEOUT);
        if (loaded.isPresent() && "fm".equals(loaded.get().manifest().getKind())) {
            s.incumbentVersion = loaded.get().manifest().getVersion();
            try {
                s.incumbent = new FmItemScorer(FmSnapshotCodec.decode(loaded.get().payload()));
            } catch (IllegalArgumentException e) {
                log.warn("Active version {} of {} is not a readable RFM2 snapshot, so the next candidate is not gated: {}",
                        s.incumbentVersion, s.name(), e.getMessage());
            }
        }
    }

    /**
     * Makes a fit's outcome visible: the fit record first, then the candidate's rejection if the
     * gate refused it, so {@code GET /models} never lists a rejection next to the previous fit.
     */
    private void record(ModelSlot s, FitRecord fit) {
        s.recordFit(fit);
        Rejection r = rejected;
        rejected = null;
        if (r != null) {
            s.reject(r);
            saveRejections();
        }
    }

    private void saveRejections() {
        if (rejectionLog == null) {
            return;
        }
        try {
            rejectionLog.save(slots);
        } catch (RuntimeException e) {
            log.warn("Rejections not saved (they stay listed until a restart): {}", e.getMessage());
        }
    }

    /**
     * The active version when it was trained on exactly the data the trainer holds now (same
     * offsets on every input partition) by the same learner with the same settings, so
     * publishing a refit of it would add a version with nothing new: what a restart without new
     * data would otherwise do. Settings a tuner chose are not compared (the search may land a
     * little differently each time); changed configuration is. An explicit retrain request still
     * publishes.
     */
    private Optional<ModelManifest> unchangedActive(ModelSlot s, Map<String, String> hyperparameters) {
        if (s.explicitRetrain) {
            return Optional.empty();
        }
        return publisher.models().active(s.name()).filter(m -> m.getTrainedOffsets().equals(state.offsets())
                && m.getLearner().equals(s.fitter() == null ? "kmeans" : s.fitter().name())
                && ("true".equals(m.getHyperparameters().get("tuned")) || m.getHyperparameters().equals(hyperparameters)));
    }

    private String gateAndPublish(ModelSlot s, FmSnapshot snapshot, HoldoutSplit split, long trainedRatings) {
        Optional<ModelManifest> unchanged = unchangedActive(s, hyperparameters(s));
        if (unchanged.isPresent()) {
            return "not published: active version " + unchanged.get().getVersion() + " was trained on the same data";
        }
        FmItemScorer candidate = new FmItemScorer(snapshot);
        HoldoutMetrics metrics = evaluate(candidate, split);
        if (s.incumbent != null) {
            HoldoutMetrics active = evaluate(s.incumbent, split);
            String reason = gate(metrics, active, s.incumbentVersion);
            if (reason != null) {
                log.warn("Rejected candidate of {}: {}", s.name(), reason);
                rejected = new Rejection(Instant.now(), s.fitter().name(), hyperparameters(s), metrics.asMap(),
                        s.incumbentVersion, active.asMap(), reason);
                return "rejected";
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ratings", trainedRatings);
        counts.put("holdoutRatings", (long) split.holdout().length);
        counts.put("users", (long) state.users().size());
        counts.put("items", (long) snapshot.items());
        ModelManifest m = publisher.publish(new VersionDraft(s.name(), "fm", s.fitter().name(), FmSnapshotCodec.encode(snapshot),
                hyperparameters(s), state.offsets(), metrics.asMap(), counts));
        s.incumbent = candidate;
        s.incumbentVersion = m.getVersion();
        return "published version " + m.getVersion();
    }

    /**
     * Why the candidate may not replace the active version, or null when it may: a rating model
     * must keep its holdout RMSE within {@code gate.tolerance} of the active one's, a ranking
     * model its NDCG (both re-measured on the same holdout).
     */
    private String gate(HoldoutMetrics candidate, HoldoutMetrics active, long activeVersion) {
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
                userId -> FmInputs.userRow(userId, state.profiles().get(userId)));
    }

    private static Map<String, String> hyperparameters(ModelSlot s) {
        Map<String, String> h = new LinkedHashMap<>(s.fitter().hyperparameters());
        h.put("factors", String.valueOf(s.spec().factors()));
        return h;
    }
}
