package io.reelfm.serving.http;

import java.time.Duration;
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
import io.reelfm.serving.lists.ListLimits;
import io.reelfm.serving.recommend.RecommendQuery;
import io.reelfm.serving.recommend.RecommendationListener;
import io.reelfm.serving.recommend.Recommendations;
import io.reelfm.serving.recommend.Recommender;
import io.reelfm.service.http.ApiException;
import io.reelfm.service.http.Echo;
import io.reelfm.serving.routing.UserRouter;
import io.reelfm.serving.state.StreamsStores;
import io.reelfm.serving.topology.UserHistory;

/**
 * {@code /users/{id}/...}: recommendations, predicted rating and history. Each request is
 * answered by the instance owning the user's partition, forwarded there when needed; when the
 * owner cannot answer, from a local replica or non-personalised, marked with {@link #STALE_HEADER}.
 * Every answer names the instance that computed it ({@link UserRouter#SERVED_BY_HEADER}).
 */
public final class UserResource {

    /**
     * Set when an answer did not come from the owner's current state: {@code standby} (a
     * replica, possibly a few commits behind) or {@code no-user-state} (non-personalised).
     */
    public static final String STALE_HEADER = UserRouter.STALE_HEADER;

    /** How long a request for a failed owner's user waits for a local replica to answer. */
    private static final Duration COPY_WAIT = Duration.ofSeconds(4);

    private final Recommender recommender;
    private final Catalog catalog;
    private final UserRouter router;
    private final StreamsStores stores;
    private final long retryAfterSeconds;
    private final ListLimits limits;
    private final RecommendationListener listener;
    private final LoadShedder shedder;

    /** @param failover how long a failed owner's users may wait for their partitions to move (Retry-After) */
    public UserResource(Recommender recommender, Catalog catalog, UserRouter router, StreamsStores stores, ListLimits limits,
                        RecommendationListener listener, LoadShedder shedder, Duration failover) {
        this.recommender = recommender;
        this.catalog = catalog;
        this.router = router;
        this.stores = stores;
        this.retryAfterSeconds = Math.max(1, failover.toSeconds());
        this.limits = limits;
        this.listener = listener;
        this.shedder = shedder;
    }

    public void register(Javalin app) {
        app.get("/users/{id}/recommendations", ctx -> routed(ctx, this::recommendations, false));
        app.get("/users/{id}/predict", ctx -> routed(ctx, this::predict, true));
        app.get("/users/{id}/history", ctx -> routed(ctx, this::history, true));
    }

    private void routed(Context ctx, Handler local, boolean personalOnly) throws Exception {
        String user = userId(ctx);
        String query = ctx.queryString();
        String pathAndQuery = ctx.path() + (query == null ? "" : "?" + query);
        ctx.header(UserRouter.SERVED_BY_HEADER, router.selfAddress());
        Optional<HostInfo> owner;
        try {
            owner = router.owner(user);
        } catch (InvalidStateStoreException e) {
            failover(ctx, local, user, personalOnly, e.getMessage());
            return;
        }
        if (owner.isEmpty()) {
            try {
                local.handle(ctx);
            } catch (InvalidStateStoreException e) {
                // Ours, but not queryable yet: a standby being promoted is still restoring.
                failover(ctx, local, user, personalOnly, e.getMessage());
            }
            return;
        }
        if (router.forwardedByInstance(ctx.header(UserRouter.FORWARDED_HEADER), pathAndQuery)) {
            // Ownership moved while the request was in flight: answer from what is here, never forward twice.
            failover(ctx, local, user, personalOnly, "user " + user + " moved to another instance during forwarding");
            return;
        }
        UserRouter.Forwarded f;
        try {
            f = router.forward(owner.get(), pathAndQuery);
        } catch (UserRouter.OwnerUnreachableException e) {
            failover(ctx, local, user, personalOnly, e.getMessage());
            return;
        }
        if (f.retryAfter() != null) {
            ctx.header("Retry-After", f.retryAfter());
        }
        if (f.stale() != null) {
            ctx.header(STALE_HEADER, f.stale());
        }
        ctx.header(UserRouter.SERVED_BY_HEADER, f.servedBy());
        ctx.status(f.status()).contentType(f.contentType()).result(f.body());
    }

    /**
     * The owner cannot answer (killed, or partitions moving). A local copy of the user's state
     * (a standby replica) answers instead, marked stale; without one, recommendations fall back
     * to the non-personalised list (also marked), and endpoints that only make sense with the
     * user's own data wait up to {@link #COPY_WAIT} for a replica to answer (a rebalance briefly
     * closes every store), then answer 503 with Retry-After.
     */
    private void failover(Context ctx, Handler local, String user, boolean personalOnly, String why) throws Exception {
        if (!personalOnly) {
            // Recommendations: the replica if there is one, else the non-personalised list, at once.
            ctx.header(STALE_HEADER, stores.hasLocalCopy(user) ? "standby" : "no-user-state");
            stores.readingStale(true, () -> handle(ctx, local));
            return;
        }
        // History and predictions need the user's own state: read it from a local replica,
        // waiting a little while one is briefly unavailable (a rebalance promoting it).
        long deadline = System.nanoTime() + COPY_WAIT.toNanos();
        RuntimeException last;
        do {
            try {
                ctx.header(STALE_HEADER, "standby");
                stores.readingStale(false, () -> handle(ctx, local));
                return;
            } catch (InvalidStateStoreException e) {
                last = e;
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                last = e;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        ctx.removeHeader(STALE_HEADER);
        throw ApiException.unavailable(why + "; no local replica answered for this user (" + last.getMessage()
                + "); retry once its partitions have moved", retryAfterSeconds, last);
    }

    private static Void handle(Context ctx, Handler local) {
        try {
            local.handle(ctx);
            return null;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String userId(Context ctx) {
        String id = ctx.pathParam("id").trim();
        if (id.isEmpty() || id.length() > 128) {
            throw Params.bad("id", "must be 1 to 128 characters");
        }
        return id;
    }

    private void recommendations(Context ctx) {
        RecommendQuery q = ListParams.recommendQuery(ctx, limits);
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
                throw Params.notFound("movie " + Echo.truncate(item) + " not found");
            }
            throw Params.notFound("movie " + Echo.truncate(item) + " is not known to the model yet");
        }
        ctx.json(p.get());
    }

    private void history(Context ctx) {
        String user = userId(ctx);
        int limit = ListParams.historyLimit(ctx);
        UserHistory h = recommender.history(user);
        if (h.isEmpty()) {
            throw Params.notFound("user " + user + " has no ratings");
        }
        List<RatedItem> items = new ArrayList<>(Math.min(limit, h.size()));
        List<UserHistory.Entry> entries = h.entries();
        for (int i = entries.size() - 1; i >= 0 && items.size() < limit; i--) {
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
