package io.reelfm.core.eval.metrics;

/**
 * The genres of items as small integer ids, wherever they come from: a whole index space
 * ({@link ItemGenres}) or the few items of one request in serving.
 */
public interface GenreSource {

    /** Number of distinct genre ids (ids are 0..count-1). */
    int count();

    /** Genre ids of {@code item}; empty when it has none. Callers never modify the array. */
    int[] of(int item);
}
