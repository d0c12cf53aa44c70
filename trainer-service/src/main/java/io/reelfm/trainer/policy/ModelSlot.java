package io.reelfm.trainer.policy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.trainer.model.SnapshotFitter;

/**
 * One named model inside the trainer: its FM fitter (which keeps the working model, user
 * parameters included, never published), the active version it is gated against (as the scorer
 * serving would build from it) and its training history.
 * Mutated by the training thread; the HTTP threads read {@link #lastFit()}, {@link #rejections()}
 * and set {@link #requestRetrain()}.
 */
public final class ModelSlot {

    private static final int KEEP_REJECTIONS = 20;

    private final ModelSpec spec;
    private final SnapshotFitter fitter;
    private final AtomicBoolean retrainRequested = new AtomicBoolean();
    private final Deque<Rejection> rejections = new ArrayDeque<>();
    FmItemScorer incumbent;
    long incumbentVersion = -1;
    long newSinceFit;
    long newSinceOnline;
    long lastFitNanos = System.nanoTime();
    boolean fitted;
    /** Whether the fit under way was asked for explicitly (it publishes even without new data). */
    boolean explicitRetrain;
    private volatile FitRecord lastFit;

    public ModelSlot(ModelSpec spec) {
        this(spec, RankingConfig.DEFAULT);
    }

    /** @param validation the gate's list length and relevance threshold, which a ranking model also tunes against */
    public ModelSlot(ModelSpec spec, RankingConfig validation) {
        this.spec = spec;
        this.fitter = spec.newFitter(validation);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The model's fitter; null for the clustering job. */
    public SnapshotFitter fitter() {
        return fitter;
    }

    public String name() {
        return spec.name();
    }

    /** Asks the training thread for a full refit at its next turn. */
    public void requestRetrain() {
        retrainRequested.set(true);
    }

    boolean takeRetrainRequest() {
        return retrainRequested.getAndSet(false);
    }

    public FitRecord lastFit() {
        return lastFit;
    }

    void recordFit(FitRecord record) {
        lastFit = record;
    }

    synchronized void reject(Rejection r) {
        rejections.addFirst(r);
        while (rejections.size() > KEEP_REJECTIONS) {
            rejections.removeLast();
        }
    }

    /** Puts back rejections saved before a restart (newest first), as if this slot had made them. */
    public synchronized void restoreRejections(List<Rejection> saved) {
        rejections.clear();
        for (Rejection r : saved) {
            if (rejections.size() == KEEP_REJECTIONS) {
                break;
            }
            rejections.addLast(r);
        }
    }

    /** Newest first. */
    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }
}
