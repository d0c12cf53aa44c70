package io.reelfm.serving.http;

import java.util.List;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.service.http.Echo;
import io.reelfm.serving.lists.ListLimits;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.topology.TrendWindow;

/** {@code /popular} and {@code /trending}: audience rankings, answered from global state by any instance. */
public final class RankingResource {

    private final PopularityRanker ranker;
    private final ListLimits limits;

    public RankingResource(PopularityRanker ranker, ListLimits limits) {
        this.ranker = ranker;
        this.limits = limits;
    }

    public void register(Javalin app) {
        app.get("/popular", this::popular);
        app.get("/trending", this::trending);
    }

    private void popular(Context ctx) {
        int k = ListParams.k(ctx, limits);
        List<PopularityRanker.PopularItem> items = ranker.popular(k, ListParams.genre(ctx)::accepts);
        ctx.json(new Popular(ranker.minVotes(), items));
    }

    private void trending(Context ctx) {
        String w = Params.optionalString(ctx, "window").orElse(TrendWindow.DAY.label());
        TrendWindow window = TrendWindow.parse(w).orElseThrow(() -> Params.bad("window", "must be 1h or 24h, was '" + Echo.truncate(w) + "'"));
        ctx.json(ranker.trending(window, ListParams.k(ctx, limits), ListParams.genre(ctx)));
    }

    /** @param minVotes the prior weight m of the weighted rating */
    public record Popular(int minVotes, List<PopularityRanker.PopularItem> items) {
    }
}
