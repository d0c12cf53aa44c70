package io.reelfm.serving.http;

import io.javalin.http.Context;
import io.reelfm.serving.lists.ListFilter;
import io.reelfm.serving.lists.ListLimits;
import io.reelfm.serving.recommend.RecommendQuery;
import io.reelfm.serving.topology.ProfileSegments;

/**
 * Reads the query parameters that shape a list ({@code k}, {@code limit}, {@code genre},
 * {@code yearFrom}/{@code yearTo}, {@code excludeSeen}) and checks them against
 * {@link ListLimits} and {@link ListFilter}'s bounds, so every endpoint accepts and rejects them
 * with the same 400.
 */
final class ListParams {

    private ListParams() {
    }

    /** {@code k}: 1 to the deployment's largest list, {@link ListLimits#DEFAULT_K} when absent. */
    static int k(Context ctx, ListLimits limits) {
        return Params.optionalInt(ctx, "k", 1, limits.maxK()).orElse(ListLimits.DEFAULT_K);
    }

    /** {@code limit} of a title search, bounded like {@code k}. */
    static int searchLimit(Context ctx, ListLimits limits) {
        return Params.optionalInt(ctx, "limit", 1, limits.maxK()).orElse(ListLimits.DEFAULT_SEARCH_LIMIT);
    }

    /** {@code limit} of a user's history, the whole of it (up to {@link ListLimits#MAX_HISTORY}) when absent. */
    static int historyLimit(Context ctx) {
        return Params.optionalInt(ctx, "limit", 1, ListLimits.MAX_HISTORY).orElse(ListLimits.MAX_HISTORY);
    }

    /** {@code genre} only, for the audience lists that filter by nothing else. */
    static ListFilter genre(Context ctx) {
        return ListFilter.ofGenre(Params.optionalString(ctx, "genre"));
    }

    /** A user's list: its size, its filter and the profile a user without ratings may describe themselves by. */
    static RecommendQuery recommendQuery(Context ctx, ListLimits limits) {
        int k = k(ctx, limits);
        ListFilter filter = new ListFilter(Params.optionalString(ctx, "genre").orElse(null),
                Params.optionalInt(ctx, "yearFrom", ListFilter.EARLIEST_YEAR, ListFilter.LATEST_YEAR).orElse(null),
                Params.optionalInt(ctx, "yearTo", ListFilter.EARLIEST_YEAR, ListFilter.LATEST_YEAR).orElse(null),
                Params.bool(ctx, "excludeSeen", true));
        RecommendQuery q = new RecommendQuery(k, filter, ProfileSegments.of(Params.optionalInt(ctx, "age", 1, 120).orElse(null),
                Params.optionalString(ctx, "gender").orElse(null),
                Params.optionalString(ctx, "occupation").orElse(null)));
        if (!filter.yearsInOrder()) {
            throw Params.bad("yearFrom", "must not be after yearTo");
        }
        return q;
    }
}
