package io.reelfm.serving.http;

import java.util.List;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.service.http.Echo;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.topology.TrendWindow;

/** {@code /popular} and {@code /trending}: audience rankings, answered from global state by any instance. */
public final class RankingResource {

    private final PopularityRanker ranker;
    private final Limits limits;

    public RankingResource(PopularityRanker ranker, Limits limits) {
        this.ranker = ranker;
        this.limits = limits;
    }

    public void register(Javalin app) {
        app.get("/popular", this::popular);
        app.get("/trending", this::trending);
    }

    private void popular(Context ctx) {
        int k = Params.k(ctx, "k", Limits.DEFAULT_K, limits);
        List<PopularityRanker.PopularItem> items = ranker.popular(k, Params.optionalString(ctx, "genre"));
        ctx.json(new Popular(ranker.minVotes(), items));
    }

    private void trending(Context ctx) {
        String w = Params.optionalString(ctx, "window").orElse(TrendWindow.DAY.label());
        TrendWindow window = TrendWindow.parse(w).orElseThrow(() -> Params.bad("window", "must be 1h or 24h, was '" + Echo.truncate(w) + "'"));
        ctx.json(ranker.trending(window, Params.k(ctx, "k", Limits.DEFAULT_K, limits), Params.optionalString(ctx, "genre")));
    }

    /** @param minVotes the prior weight m of the weighted rating */
    public record Popular(int minVotes, List<PopularityRanker.PopularItem> items) {
    }
}
