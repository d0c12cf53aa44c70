package io.reelfm.trainer.model;

import java.util.Map;

import io.reelfm.core.fm.snapshot.FmSnapshot;

/**
 * What the training loop needs from one named model's learner: full fits (and, for online
 * learners, updates between them) that each end in an {@link FmSnapshot}, the one object serving
 * scores with. Rating models ({@link FmFitter}) and ranking models ({@link RankingFitter}) differ
 * in what they learn from and how users fold in, not in how they are gated and published.
 *
 * <p>Used by the training thread only.
 */
public interface SnapshotFitter {

    /** Learner name recorded in manifests, e.g. {@code mcmc} or {@code ials}. */
    String name();

    /** True once a full fit has produced a model. */
    boolean fitted();

    /** True for learners that take online updates between full fits. */
    boolean online();

    /** Hyperparameters as recorded in the manifest. */
    Map<String, String> hyperparameters();

    /** A full fit on {@code data}; returns its snapshot. */
    FmSnapshot fit(FmInputs data);

    /**
     * Online passes over {@code fresh} on top of the current model.
     *
     * @throws IllegalStateException when the learner takes no online updates or has no model yet
     */
    FmSnapshot update(FmInputs fresh);
}
