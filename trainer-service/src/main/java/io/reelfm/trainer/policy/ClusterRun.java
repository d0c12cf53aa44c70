package io.reelfm.trainer.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.trainer.content.ContentClusterJob;
import io.reelfm.trainer.snapshot.PublishInterruptedException;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.snapshot.VersionDraft;
import io.reelfm.trainer.store.TrainingState;

/**
 * One run of a content clustering model: no holdout gate (there is no rating to predict); it
 * publishes when the catalogue is non-empty and something changed since the active version.
 */
final class ClusterRun {

    private static final Logger log = LoggerFactory.getLogger(ClusterRun.class);

    private final TrainingState state;
    private final SnapshotPublisher publisher;
    private final PublishGate gate;

    ClusterRun(TrainingState state, SnapshotPublisher publisher, PublishGate gate) {
        this.state = state;
        this.publisher = publisher;
        this.gate = gate;
    }

    /** Clusters the catalogue for the slot and records the outcome as its last fit. */
    void run(ModelSlot s) {
        long t0 = System.nanoTime();
        String outcome;
        try {
            ContentClusterJob.Outcome result = new ContentClusterJob(s.spec().clusters(), s.spec().iterations(), s.spec().seed())
                    .run(state);
            Map<String, String> hyper = new LinkedHashMap<>();
            hyper.put("clusters", s.spec().clusters() == ContentClusterJob.AUTO ? "auto" : String.valueOf(s.spec().clusters()));
            hyper.put("iterations", String.valueOf(s.spec().iterations()));
            hyper.put("seed", String.valueOf(s.spec().seed()));
            Optional<ModelManifest> unchanged = gate.unchangedActive(s, hyper);
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
}
