package io.reelfm.serving.lists;

import java.util.BitSet;
import java.util.Optional;
import java.util.function.Predicate;

import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.model.ClusterModel;
import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.topology.UserHistory;

/**
 * Which items a list may contain: a genre, a release-year range and whether the user's rated items
 * are left out. Every list the service serves (personal, popular, by profile, trending, same
 * cluster) decides membership here, so a filter means the same on every endpoint.
 *
 * @param genre       matched case-insensitively against the item's genres; null for any
 * @param yearFrom    earliest release year, inclusive; null for no lower bound
 * @param yearTo      latest release year, inclusive; null for no upper bound
 * @param excludeSeen whether items the user rated are left out (personal lists only: others have no user)
 */
public record ListFilter(String genre, Integer yearFrom, Integer yearTo, boolean excludeSeen) {

    /** Earliest release year a request may name. */
    public static final int EARLIEST_YEAR = 1800;
    /** Latest release year a request may name. */
    public static final int LATEST_YEAR = 3000;
    /** Every item, seen or not. */
    public static final ListFilter NONE = new ListFilter(null, null, null, false);

    /**
     * A narrowing filter first scores this many candidates per item wanted (at least
     * {@link #MIN_SCAN}); most filters leave enough among them, and scoring the whole catalogue
     * is left for the rare filter that does not.
     */
    public static final int SCAN_PER_WANTED = 20;
    public static final int MIN_SCAN = 200;

    /** Items of {@code genre} when one is given, else every item. */
    public static ListFilter ofGenre(Optional<String> genre) {
        return new ListFilter(genre.orElse(null), null, null, false);
    }

    /** The other items of {@code itemId}'s cluster ({@code cluster}), for "more like this" by cluster. */
    public static Predicate<MovieView> sameClusterAs(ClusterModel clusters, String itemId, Integer cluster) {
        return v -> !v.itemId().equals(itemId) && cluster.equals(clusters.clusterOf(v.itemId()));
    }

    /** Whether the filter drops items by their catalogue entry (so each candidate's entry must be read). */
    public boolean narrows() {
        return genre != null || yearFrom != null || yearTo != null;
    }

    /** False when the range is empty because it starts after it ends: a request error, not an empty list. */
    public boolean yearsInOrder() {
        return yearFrom == null || yearTo == null || yearFrom <= yearTo;
    }

    public boolean accepts(MovieView m) {
        return (genre == null || hasGenre(m)) && inYears(m);
    }

    private boolean hasGenre(MovieView m) {
        return m.genres().stream().anyMatch(g -> g.equalsIgnoreCase(genre));
    }

    /** An item without a known year passes only when no range is asked for. */
    private boolean inYears(MovieView m) {
        if (yearFrom == null && yearTo == null) {
            return true;
        }
        Integer year = m.year();
        if (year == null) {
            return false;
        }
        return (yearFrom == null || year >= yearFrom) && (yearTo == null || year <= yearTo);
    }

    /**
     * Sets in {@code into} the model rows a personal list leaves out: the user's rated items when
     * {@link #excludeSeen}, else none; returns it. The caller owns the set (and may reuse it).
     */
    public BitSet excludeRows(FactorModel model, UserHistory history, BitSet into) {
        if (!excludeSeen) {
            return into;
        }
        for (int row : model.rows(history)) {
            if (row >= 0) {
                into.set(row);
            }
        }
        return into;
    }

    /** How many of the model's best items to score for {@code wanted} accepted ones out of {@code items}. */
    public int scanDepth(int wanted, int items) {
        return Math.min(items, narrows() ? Math.max(wanted * SCAN_PER_WANTED, MIN_SCAN) : wanted);
    }
}
