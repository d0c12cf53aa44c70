package io.reelfm.core.eval.metrics;

import io.reelfm.core.eval.IdIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The genres of each item of an index space, as small integer ids, for genre miscalibration.
 * Immutable.
 */
public final class ItemGenres implements GenreSource {

    /** No genres at all: miscalibration is NaN and calibrated re-ranking leaves lists as they are. */
    public static final ItemGenres NONE = new ItemGenres(new int[0][], 0);

    private final int[][] genres;
    private final int count;

    private ItemGenres(int[][] genres, int count) {
        this.genres = genres;
        this.count = count;
    }

    /**
     * @param lookup an item id's genres; null or empty when unknown. Genre ids are assigned in the
     *               order first seen, so two instances built from the same ids and lookup agree.
     */
    public static ItemGenres of(IdIndex items, Function<String, List<String>> lookup) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] out = new int[items.size()][];
        for (int i = 0; i < out.length; i++) {
            List<String> g = lookup.apply(items.id(i));
            if (g == null) {
                out[i] = new int[0];
                continue;
            }
            out[i] = g.stream().distinct().mapToInt(name -> ids.computeIfAbsent(name, n -> ids.size())).toArray();
        }
        return new ItemGenres(out, ids.size());
    }

    /** Number of distinct genres. */
    @Override
    public int count() {
        return count;
    }

    /** Genre ids of an item (empty when unknown or outside the index); the internal array, never modify it. */
    @Override
    public int[] of(int item) {
        return item >= 0 && item < genres.length ? genres[item] : new int[0];
    }

    /**
     * Adds item {@code item}'s genre distribution (1/|genres| to each) to {@code mix}; returns
     * false when it has none.
     */
    public boolean addTo(int item, double[] mix) {
        int[] g = of(item);
        if (g.length == 0) {
            return false;
        }
        for (int x : g) {
            mix[x] += 1.0 / g.length;
        }
        return true;
    }
}
