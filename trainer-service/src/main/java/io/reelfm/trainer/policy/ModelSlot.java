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
 * Mutated by the training thread; the HTTP threads read {@link #lastFit()}, {@link #rejections()},
 * {@link #fitted()} (for readiness) and set {@link #requestRetrain()}.
 */
public final class ModelSlot {

    private static final int KEEP_REJECTIONS = 20;

    private final ModelSpec spec;
    private final SnapshotFitter fitter;
    private final AtomicBoolean retrainRequested = new AtomicBoolean();
    private final Deque<Rejection> rejections = new ArrayDeque<>();
    private FmItemScorer incumbent;
    private long incumbentVersion = -1;
    private long newSinceFit;
    private long newSinceOnline;
    private long lastFitNanos = System.nanoTime();
    /** Volatile: readiness reads it from HTTP threads. */
    private volatile boolean fitted;
    /** Whether the fit under way was asked for explicitly (it publishes even without new data). */
    private boolean explicitRetrain;
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

    /** Counts ratings that changed the training set since the last fit and online update. */
    void countNew(int changed) {
        newSinceFit += changed;
        newSinceOnline += changed;
    }

    long newSinceFit() {
        return newSinceFit;
    }

    long newSinceOnline() {
        return newSinceOnline;
    }

    long nanosSinceFit() {
        return System.nanoTime() - lastFitNanos;
    }

    /**
     * Whether this model has one since start: a full fit was made or attempted (whatever became of
     * it: published, unchanged, rejected by the gate or failed), or it adopted its active version
     * after a restart ({@link #resumeFrom}).
     */
    boolean fitted() {
        return fitted;
    }

    /** A full fit was made (or attempted): the counts start again. */
    void fitDone() {
        fitted = true;
        newSinceFit = 0;
        newSinceOnline = 0;
        lastFitNanos = System.nanoTime();
    }

    void onlineDone() {
        newSinceOnline = 0;
    }

    /**
     * Carries on from the active version after a restart, as if it had just been fitted
     * {@code ageNanos} ago and {@code since} inputs had arrived after it.
     */
    void resumeFrom(long since, long ageNanos) {
        fitted = true;
        newSinceFit = since;
        lastFitNanos = System.nanoTime() - ageNanos;
    }

    boolean explicitRetrain() {
        return explicitRetrain;
    }

    void explicitRetrain(boolean explicit) {
        explicitRetrain = explicit;
    }

    /** The active version's scorer the next candidate is gated against; null when there is none or it is unreadable. */
    FmItemScorer incumbent() {
        return incumbent;
    }

    /** The active version's number the incumbent belongs to; -1 before any. */
    long incumbentVersion() {
        return incumbentVersion;
    }

    void incumbent(FmItemScorer scorer, long version) {
        incumbent = scorer;
        incumbentVersion = version;
    }

    /** The hyperparameters a version of this model is published with (and compared by). */
    java.util.Map<String, String> publishedHyperparameters() {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(fitter.hyperparameters());
        h.put("factors", String.valueOf(spec.factors()));
        return h;
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
