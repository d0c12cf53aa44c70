package io.reelfm.serving.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.CatalogStats;
import io.reelfm.serving.popular.PopularityRanker;

/** {@code /catalog/stats}: the catalogue and its ratings as a whole, for charts. */
public final class CatalogResource {

    /** How many most-rated movies the scatter of mean rating against count shows unless asked otherwise. */
    static final int DEFAULT_MOST_RATED = 2_000;
    static final int MAX_MOST_RATED = 20_000;

    private final Catalog catalog;
    private final PopularityRanker popularity;

    public CatalogResource(Catalog catalog, PopularityRanker popularity) {
        this.catalog = catalog;
        this.popularity = popularity;
    }

    public void register(Javalin app) {
        app.get("/catalog/stats", this::stats);
    }

    private void stats(Context ctx) {
        int limit = Params.optionalInt(ctx, "mostRated", 0, MAX_MOST_RATED).orElse(DEFAULT_MOST_RATED);
        var stats = popularity.allStats();
        ctx.json(CatalogStats.of(catalog.all(), stats::get, limit));
    }
}
