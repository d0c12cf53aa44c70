/**
 * Exact whole-catalogue retrieval for inner-product models: a bandwidth-bound blocked item
 * matrix ({@link io.reelfm.core.retrieval.ItemMatrix}) and the brute-force reference it is tested
 * against; top-K selection itself is {@link io.reelfm.core.topk.TopK}.
 */
package io.reelfm.core.retrieval;
