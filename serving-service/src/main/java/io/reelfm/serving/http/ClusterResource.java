package io.reelfm.serving.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.schemas.snapshot.ClusterSnapshot;
import io.reelfm.service.http.Echo;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.lists.ListLimits;
import io.reelfm.serving.model.ClusterModel;
import io.reelfm.serving.model.ModelRegistry;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.popular.PopularityRanker.PopularItem;

/**
 * {@code /clusters}: the loaded cluster model's clusters with size, description and best-rated
 * titles; {@code /clusters/{id}}: one cluster's members a page at a time ({@code offset},
 * {@code limit}), best weighted rating first and the not-yet-rated after them by title, so a
 * page shows what a visitor would pick first.
 */
public final class ClusterResource {

    /** Titles named per cluster in the list. */
    static final int TOP_TITLES = 3;

    private final ModelRegistry models;
    private final Catalog catalog;
    private final PopularityRanker popularity;
    private final ListLimits limits;

    public ClusterResource(ModelRegistry models, Catalog catalog, PopularityRanker popularity, ListLimits limits) {
        this.models = models;
        this.catalog = catalog;
        this.popularity = popularity;
        this.limits = limits;
    }

    public void register(Javalin app) {
        app.get("/clusters", this::list);
        app.get("/clusters/{id}", this::page);
    }

    private void list(Context ctx) {
        ClusterModel m = models.requireClusters();
        Map<Integer, List<Title>> top = topTitles(m);
        List<ClusterSummary> out = new ArrayList<>();
        List<ClusterSnapshot.Cluster> cs = m.snapshot().clusters();
        for (int i = 0; i < cs.size(); i++) {
            ClusterSnapshot.Cluster c = cs.get(i);
            out.add(new ClusterSummary(i, c.size(), c.label(), c.topGenres(), c.meanRating(), top.getOrDefault(i, List.of())));
        }
        ctx.json(new Clusters(m.name(), m.version(), m.snapshot().featureNames(), out));
    }

    private void page(Context ctx) {
        ClusterModel m = models.requireClusters();
        int id = clusterId(ctx, m);
        int offset = Params.optionalInt(ctx, "offset", 0, Integer.MAX_VALUE).orElse(0);
        int limit = Params.optionalInt(ctx, "limit", 1, limits.maxK()).orElse(Math.min(limits.maxK(), 20));
        List<Member> ordered = ordered(m, id);
        List<Member> items = ordered.subList(Math.min(offset, ordered.size()), Math.min(offset + limit, ordered.size()));
        ClusterSnapshot.Cluster c = m.snapshot().clusters().get(id);
        ctx.json(new ClusterPage(m.name(), m.version(), id, c.size(), c.label(), c.topGenres(), c.meanRating(),
                offset, limit, ordered.size(), items));
    }

    private static int clusterId(Context ctx, ClusterModel m) {
        String raw = ctx.pathParam("id");
        int k = m.snapshot().clusters().size();
        try {
            int id = Integer.parseInt(raw);
            if (id >= 0 && id < k) {
                return id;
            }
        } catch (NumberFormatException e) {
            throw Params.bad("id", "must be a cluster number 0.." + (k - 1) + ", was '" + Echo.truncate(raw) + "'");
        }
        throw Params.notFound("cluster " + Echo.truncate(raw) + " not found; model " + m.name() + " has clusters 0.." + (k - 1));
    }

    /** The cluster's members: rated ones by weighted rating, then the rest by title. */
    private List<Member> ordered(ClusterModel m, int id) {
        Set<String> members = new LinkedHashSet<>(m.members(id));
        List<Member> out = new ArrayList<>(members.size());
        for (PopularItem p : popularity.popular(members.size(), v -> members.contains(v.itemId()))) {
            out.add(new Member(p.itemId(), p.title(), p.year(), p.genres(), p.ratings(), p.weightedRating()));
            members.remove(p.itemId());
        }
        members.stream().map(catalog::view)
                .sorted(java.util.Comparator.comparing(MovieView::title, java.util.Comparator.nullsLast(String::compareTo))
                        .thenComparing(MovieView::itemId))
                .forEach(v -> out.add(new Member(v.itemId(), v.title(), v.year(), v.genres(), 0, null)));
        return out;
    }

    /** The best-rated titles of every cluster, from one ranking of the whole catalogue. */
    private Map<Integer, List<Title>> topTitles(ClusterModel m) {
        Map<Integer, List<Title>> out = new HashMap<>();
        int items = m.snapshot().itemIds().length;
        for (PopularItem p : popularity.popular(items, v -> m.clusterOf(v.itemId()) != null)) {
            List<Title> titles = out.computeIfAbsent(m.clusterOf(p.itemId()), c -> new ArrayList<>(TOP_TITLES));
            if (titles.size() < TOP_TITLES) {
                titles.add(new Title(p.itemId(), p.title()));
            }
        }
        return out;
    }

    public record Title(String itemId, String title) {
    }

    public record ClusterSummary(int cluster, int size, String label, List<String> topGenres, float meanRating,
                                 List<Title> topTitles) {
    }

    public record Clusters(String model, long version, List<String> features, List<ClusterSummary> clusters) {
    }

    /** @param weightedRating null for a member nobody has rated yet */
    public record Member(String itemId, String title, Integer year, List<String> genres, long ratings, Double weightedRating) {
    }

    /** @param total members in the cluster; {@code items} holds those from {@code offset}, at most {@code limit} */
    public record ClusterPage(String model, long version, int cluster, int size, String label, List<String> topGenres,
                              float meanRating, int offset, int limit, int total, List<Member> items) {
    }
}
