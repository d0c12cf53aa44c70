/**
 * Loading rating data sets into the core's columnar {@link io.reelfm.core.eval.RatingSet}
 * (MovieLens 100K folds via the datasets module) and the side information FM features use.
 * The columnar container itself lives in {@code io.reelfm.core.eval} and is shared.
 */
package io.reelfm.core.data;
