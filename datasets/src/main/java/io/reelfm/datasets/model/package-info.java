/**
 * Data files into the model core's types: {@link io.reelfm.datasets.model.RowAttributes} (the one
 * row-to-attributes mapping), MovieLens 100K folds and side information
 * ({@link io.reelfm.datasets.model.Ml100k}) and ratings files into columnar rating sets
 * ({@link io.reelfm.datasets.model.RatingsLoader}). The batch paths (evaluation, benchmarks,
 * tests on files) read through here; the services never do.
 */
package io.reelfm.datasets.model;
