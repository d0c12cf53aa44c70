/**
 * Degree-2 factorization machines (Rendle 2010) for ratings and binary feedback.
 *
 * <p>Flow: {@link io.reelfm.core.fm.FmEncoder} turns ratings plus side information into sparse
 * rows over a growing {@link io.reelfm.core.fm.FeatureSpace}; {@link io.reelfm.core.fm.FmModelTrainer}
 * picks the learner named by {@link io.reelfm.core.fm.FmConfig} (SGD, ALS or MCMC, all seeded)
 * and yields an immutable {@link io.reelfm.core.fm.FmModel}; {@link io.reelfm.core.fm.FmModelIo}
 * saves and loads it. Serving never needs per-user rows: see {@code io.reelfm.core.fm.snapshot}.
 * Per-event work is hand-written loops over primitive arrays (ND4J's per-call overhead would
 * dominate a k x nnz update).
 */
package io.reelfm.core.fm;
