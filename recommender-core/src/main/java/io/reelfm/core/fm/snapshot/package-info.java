/**
 * The item-side export of an FM and the scorer built on it: {@link io.reelfm.core.fm.snapshot.FmSnapshot}
 * (item biases, retrieval vectors, feature parameters, global terms, fold-in prior; the
 * retrieval decomposition is derived there and computed by its exports from FM and implicit ALS
 * models), {@link io.reelfm.core.fm.snapshot.FmSnapshotCodec} (its published form, one reader and
 * one writer), {@link io.reelfm.core.fm.snapshot.FoldIn} (a user's
 * own parameters by a (k+1)x(k+1) ridge solve) and {@link io.reelfm.core.fm.snapshot.FmItemScorer}
 * (fold-in, predict, score the catalogue, top K with exclusions).
 */
package io.reelfm.core.fm.snapshot;
