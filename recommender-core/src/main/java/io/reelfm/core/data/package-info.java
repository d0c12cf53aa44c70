/**
 * The side information FM and DeepFM features read: {@link io.reelfm.core.data.SideInfo} holds
 * each item's {@link io.reelfm.core.data.ItemAttributes} and each user's
 * {@link io.reelfm.core.data.UserAttributes} by external id. Reading data files into these types
 * (and into {@link io.reelfm.core.eval.RatingSet}s) is the datasets module's job; mapping the
 * Kafka records onto them is service-common's; the core itself reads no files and no topics.
 */
package io.reelfm.core.data;
