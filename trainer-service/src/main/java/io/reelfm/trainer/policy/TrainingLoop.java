package io.reelfm.trainer.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.consume.EventConsumer;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.model.FmInputs;
import io.reelfm.trainer.snapshot.PublishInterruptedException;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.snapshot.VersionDraft;
import io.reelfm.trainer.store.StateCheckpoint;
import io.reelfm.trainer.store.TrainingState;

/**
 * The trainer's one worker thread: polls the input topics into the training state, keeps its
 * position ({@link CheckpointSchedule}), fits the models that are due ({@link RefitSchedule}),
 * and publishes each candidate its {@link PublishGate} accepts (as an {@link FmSnapshotCodec
 * RFM2} payload); a refused candidate is recorded as a {@link Rejection}.
 */
public final class TrainingLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TrainingLoop.class);

    private final TrainerConfig config;
    private final TrainingState state;
    private final EventConsumer consumer;
    private final SnapshotPublisher publisher;
    private final List<ModelSlot> slots;
    private final RejectionLog rejectionLog;
    private final RefitSchedule schedule;
    private final CheckpointSchedule checkpoints;
    private final PublishGate gate;
    private final ClusterRun clusters;
    private final TrainerReadiness readiness;
    private volatile boolean running = true;
    private volatile LoopStatus status = new LoopStatus(-1, 0, 0, null, null);
    private boolean crashed;

    public TrainingLoop(TrainerConfig config, TrainingState state, EventConsumer consumer, SnapshotPublisher publisher,
                        List<ModelSlot> slots, StateCheckpoint checkpoint, RejectionLog rejectionLog,
                        FittedModels fittedModels) {
        this.config = config;
        this.state = state;
        this.consumer = consumer;
        this.publisher = publisher;
        this.slots = List.copyOf(slots);
        this.rejectionLog = rejectionLog;
        this.schedule = new RefitSchedule(config, state, consumer, publisher);
        this.checkpoints = new CheckpointSchedule(config, state, consumer, checkpoint, fittedModels);
        this.gate = new PublishGate(config, state, publisher);
        this.clusters = new ClusterRun(state, publisher, gate);
        this.readiness = new TrainerReadiness(config.readyMaxLag(), config.minRatings(), this::status, this.slots,
                () -> state.counts().ratings());
    }

    public LoopStatus status() {
        return status;
    }

    public List<ModelSlot> slots() {
        return slots;
    }

    /** Whether the trainer is ready ({@code GET /health/ready}); see {@link TrainerReadiness}. */
    public TrainerReadiness readiness() {
        return readiness;
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
                // readiness latches on what the loop sees, not only when a probe happens to ask
                readiness.check();
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
                if (!crashed) {
                    checkpoints.saveIfEnabled(slots);
                }
            } catch (RuntimeException e) {
                log.error("Final checkpoint failed", e);
            } finally {
                consumer.close();
                status = new LoopStatus(status.lag(), consumer.recordsRead(), consumer.poisonRecords(), checkpoints.savedAt(),
                        failure == null ? "stopped" : failure);
            }
        }
    }

    void step() {
        int changed = consumer.pollOnce(config.pollTimeout());
        if (changed > 0) {
            slots.forEach(s -> s.countNew(changed));
        }
        checkpoints.afterPoll(changed > 0, slots);
        status = new LoopStatus(consumer.lag(), consumer.recordsRead(), consumer.poisonRecords(), checkpoints.savedAt(), null);
        List<ModelSlot> refit = schedule.dueForFullFit(slots);
        if (!refit.isEmpty()) {
            fullFit(refit);
            return;
        }
        List<ModelSlot> online = schedule.dueForOnlineUpdate(slots);
        if (!online.isEmpty()) {
            onlineUpdate(online);
        }
    }

    private HoldoutSplit split() {
        return HoldoutSplit.of(state.ratings(), state.users(), state.items(), config.holdoutPerUser(), config.holdoutMinRatings(),
                config.holdoutMaxUsers(), config.seed());
    }

    private void fullFit(List<ModelSlot> refit) {
        boolean factorModels = refit.stream().anyMatch(s -> !s.spec().clustering());
        HoldoutSplit split = factorModels ? split() : null;
        FmInputs train = factorModels ? FmInputs.canonical(state, split.train()) : null;
        long trained = factorModels ? split.train().length : 0;
        for (ModelSlot s : refit) {
            if (s.spec().clustering()) {
                clusters.run(s);
                s.fitDone();
                continue;
            }
            long t0 = System.nanoTime();
            Outcome outcome;
            try {
                gate.ensureIncumbent(s);
                outcome = publishIfAccepted(s, s.fitter().fit(train), split, trained);
            } catch (PublishInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Full fit of {} failed", s.name(), e);
                outcome = new Outcome("failed: " + e.getMessage(), null);
            }
            record(s, new FitRecord(Instant.now(), (System.nanoTime() - t0) / 1_000_000, "full", trained, outcome.text()),
                    outcome.rejection());
            s.fitDone();
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
        int[] rows = Arrays.stream(changed.rows()).filter(r -> !held[r]).toArray();
        FmInputs fresh = FmInputs.of(state, rows);
        for (ModelSlot s : online) {
            long t0 = System.nanoTime();
            Outcome outcome;
            try {
                gate.ensureIncumbent(s);
                outcome = publishIfAccepted(s, s.fitter().update(fresh), split, split.train().length);
            } catch (PublishInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Online update of {} failed", s.name(), e);
                outcome = new Outcome("failed: " + e.getMessage(), null);
            }
            record(s, new FitRecord(Instant.now(), (System.nanoTime() - t0) / 1_000_000, "online", rows.length, outcome.text()),
                    outcome.rejection());
            s.onlineDone();
        }
    }

    /** What became of a candidate, and the gate's rejection when it refused it. */
    private record Outcome(String text, Rejection rejection) {
    }

    /** Publishes the candidate if the gate accepts it. */
    private Outcome publishIfAccepted(ModelSlot s, FmSnapshot snapshot, HoldoutSplit split, long trainedRatings) {
        PublishGate.Decision decision = gate.judge(s, snapshot, split);
        if (decision instanceof PublishGate.Unchanged u) {
            return new Outcome("not published: active version " + u.activeVersion() + " was trained on the same data", null);
        }
        if (decision instanceof PublishGate.Rejected r) {
            return new Outcome("rejected", r.rejection());
        }
        PublishGate.Accepted a = (PublishGate.Accepted) decision;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ratings", trainedRatings);
        counts.put("holdoutRatings", (long) split.holdout().length);
        counts.put("users", (long) state.users().size());
        counts.put("items", (long) snapshot.items());
        ModelManifest m = publisher.publish(new VersionDraft(s.name(), "fm", s.fitter().name(), FmSnapshotCodec.encode(snapshot),
                s.publishedHyperparameters(), state.offsets(), a.metrics().asMap(), counts));
        s.incumbent(a.scorer(), m.getVersion());
        return new Outcome("published version " + m.getVersion(), null);
    }

    /**
     * Makes a fit's outcome visible: the fit record first, then the candidate's rejection if the
     * gate refused it, so {@code GET /models} never lists a rejection next to the previous fit.
     */
    private void record(ModelSlot s, FitRecord fit, Rejection rejection) {
        s.recordFit(fit);
        if (rejection != null) {
            s.reject(rejection);
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
}
