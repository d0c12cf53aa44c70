package io.reelfm.serving.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.recommend.RecommendQuery;
import io.reelfm.serving.recommend.Recommendations;
import io.reelfm.serving.recommend.Recommender;
import io.reelfm.serving.routing.UserRouter;
import io.reelfm.serving.topology.ProfileSegments;
import io.reelfm.serving.topology.UserHistory;

/**
 * {@code /users/{id}/...}: recommendations, predicted rating and history. Each request is
 * answered by the instance owning the user's partition, forwarded there when needed.
 */
public final class UserResource {

    private final Recommender recommender;
    private final Catalog catalog;
    private final UserRouter router;
    private final Limits limits;
    private final RecommendationListener listener;
    private final LoadShedder shedder;

    public UserResource(Recommender recommender, Catalog catalog, UserRouter router, Limits limits,
                        RecommendationListener listener, LoadShedder shedder) {
        this.recommender = recommender;
        this.catalog = catalog;
        this.router = router;
        this.limits = limits;
        this.listener = listener;
        this.shedder = shedder;
    }

    public void register(Javalin app) {
        app.get("/users/{id}/recommendations", ctx -> routed(ctx, this::recommendations));
        app.get("/users/{id}/predict", ctx -> routed(ctx, this::predict));
        app.get("/users/{id}/history", ctx -> routed(ctx, this::history));
    }

    private void routed(Context ctx, Handler local) throws Exception {
        String user = userId(ctx);
        Optional<HostInfo> owner = router.owner(user);
        if (owner.isEmpty()) {
            local.handle(ctx);
            return;
        }
        if (ctx.header(UserRouter.FORWARDED_HEADER) != null) {
            throw new InvalidStateStoreException("user " + user + " moved to another instance during forwarding");
        }
        String query = ctx.queryString();
        UserRouter.Forwarded f = router.forward(owner.get(), ctx.path() + (query == null ? "" : "?" + query));
        if (f.retryAfter() != null) {
            ctx.header("Retry-After", f.retryAfter());
        }
        ctx.status(f.status()).contentType(f.contentType()).result(f.body());
    }

    private static String userId(Context ctx) {
        String id = ctx.pathParam("id").trim();
        if (id.isEmpty() || id.length() > 128) {
            throw Params.bad("id", "must be 1 to 128 characters");
        }
        return id;
    }

    private void recommendations(Context ctx) {
        RecommendQuery q = new RecommendQuery(Params.k(ctx, "k", Limits.DEFAULT_K, limits),
                Params.optionalString(ctx, "genre").orElse(null),
                Params.optionalInt(ctx, "yearFrom", 1800, 3000).orElse(null),
                Params.optionalInt(ctx, "yearTo", 1800, 3000).orElse(null),
                Params.bool(ctx, "excludeSeen", true),
                ProfileSegments.of(Params.optionalInt(ctx, "age", 1, 120).orElse(null),
                        Params.optionalString(ctx, "gender").orElse(null),
                        Params.optionalString(ctx, "occupation").orElse(null)));
        if (q.yearFrom() != null && q.yearTo() != null && q.yearFrom() > q.yearTo()) {
            throw Params.bad("yearFrom", "must not be after yearTo");
        }
        String user = userId(ctx);
        Recommendations r = shedder.call(() -> recommender.recommend(user, q));
        listener.served(r);
        ctx.json(r);
    }

    private void predict(Context ctx) {
        String user = userId(ctx);
        String item = Params.required(ctx, "itemId");
        Optional<Recommender.Prediction> p = recommender.predict(user, item);
        if (p.isEmpty()) {
            if (catalog.find(item).isEmpty()) {
                throw Params.notFound("movie " + item + " not found");
            }
            throw Params.notFound("movie " + item + " is not known to the model yet");
        }
        ctx.json(p.get());
    }

    private void history(Context ctx) {
        String user = userId(ctx);
        UserHistory h = recommender.history(user);
        if (h.isEmpty()) {
            throw Params.notFound("user " + user + " has no ratings");
        }
        List<RatedItem> items = new ArrayList<>(h.size());
        List<UserHistory.Entry> entries = h.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            UserHistory.Entry e = entries.get(i);
            MovieView m = catalog.view(e.itemId());
            items.add(new RatedItem(e.itemId(), m.title(), m.year(), e.rating(), e.timestamp()));
        }
        ctx.json(new History(user, items.size(), items));
    }

    /** Newest first. */
    public record History(String userId, int count, List<RatedItem> ratings) {
    }

    public record RatedItem(String itemId, String title, Integer year, float rating, long timestamp) {
    }
}
