package io.reelfm.serving.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.schemas.Movie;
import io.reelfm.service.http.Echo;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.catalog.TitleSearch;
import io.reelfm.serving.lists.ListFilter;
import io.reelfm.serving.lists.ListLimits;
import io.reelfm.serving.variant.Variants;
import io.reelfm.serving.model.ClusterModel;
import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.model.ModelRegistry;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.unavailable.ServingUnavailable;

/** {@code /movies/...}: details with statistics, similar items and title search; all from global state. */
public final class MovieResource {

    /** A movie's details; browsers asking for HTML on it get the web page instead. */
    public static final String DETAILS_PATH = "/movies/{id}";

    private final Catalog catalog;
    private final PopularityRanker popularity;
    private final ModelRegistry models;
    private final Variants variants;
    private final ListLimits limits;

    public MovieResource(Catalog catalog, PopularityRanker popularity, ModelRegistry models, Variants variants, ListLimits limits) {
        this.catalog = catalog;
        this.popularity = popularity;
        this.models = models;
        this.variants = variants;
        this.limits = limits;
    }

    public void register(Javalin app) {
        app.get("/movies/search", this::search);
        app.get(DETAILS_PATH, this::details);
        app.get("/movies/{id}/similar", this::similar);
    }

    private MovieView movie(Context ctx) {
        String id = ctx.pathParam("id");
        return catalog.find(id).orElseThrow(() -> Params.notFound("movie " + Echo.truncate(id) + " not found"));
    }

    private void details(Context ctx) {
        MovieView m = movie(ctx);
        Optional<ItemStats> s = popularity.stats(m.itemId());
        Stats stats = s.map(x -> new Stats(x.count(), round(x.mean()),
                        round(x.bayesianAverage(popularity.globalMean(), popularity.minVotes()))))
                .orElse(new Stats(0, null, null));
        Integer cluster = models.clusters().map(c -> c.clusterOf(m.itemId())).orElse(null);
        ctx.json(new Details(m.itemId(), m.title(), m.year(), m.genres(), stats, cluster,
                catalog.record(m.itemId()).map(Imdb::of).orElse(null)));
    }

    private void similar(Context ctx) {
        MovieView m = movie(ctx);
        int k = ListParams.k(ctx, limits);
        String method = Params.optionalString(ctx, "method").orElse("factors");
        if ("cluster".equals(method)) {
            similarInCluster(ctx, m, k);
            return;
        }
        if (!"factors".equals(method)) {
            throw Params.bad("method", "must be factors or cluster, was '" + Echo.truncate(method) + "'");
        }
        String modelName = variants.all().get(0).model();
        FactorModel model = models.get(modelName).orElseThrow(() -> ServingUnavailable.noModel(modelName));
        int row = model.row(m.itemId());
        if (row < 0) {
            throw Params.notFound("movie " + m.itemId() + " is not known to model " + modelName + " yet");
        }
        ScoredItems top = model.mostSimilar(row, k);
        List<SimilarItem> items = new ArrayList<>(top.size());
        for (int r = 0; r < top.size(); r++) {
            MovieView v = catalog.view(model.itemId(top.index(r)));
            items.add(new SimilarItem(v.itemId(), v.title(), v.year(), v.genres(), round(top.score(r))));
        }
        ctx.json(new Similar(m.itemId(), "factors", model.name(), model.version(), items));
    }

    /**
     * Items of the same cluster, closest to the movie first (its closeness, 1 / (1 + distance) in
     * the clustering space, as {@code similarity}); a cluster version without item coordinates
     * orders them by weighted rating instead.
     */
    private void similarInCluster(Context ctx, MovieView m, int k) {
        ClusterModel clusters = models.requireClusters();
        Integer cluster = clusters.clusterOf(m.itemId());
        if (cluster == null) {
            throw Params.notFound("movie " + m.itemId() + " is not in cluster model " + clusters.name() + " yet");
        }
        List<SimilarItem> items = new ArrayList<>(k);
        if (clusters.snapshot().hasCoordinates()) {
            for (ClusterModel.Neighbour n : clusters.closestInCluster(m.itemId())) {
                if (items.size() == k) {
                    break;
                }
                catalog.find(n.itemId()).ifPresent(v -> items.add(
                        new SimilarItem(v.itemId(), v.title(), v.year(), v.genres(), round(1 / (1 + n.distance())))));
            }
        } else {
            popularity.popular(k, ListFilter.sameClusterAs(clusters, m.itemId(), cluster)).forEach(p -> items.add(
                    new SimilarItem(p.itemId(), p.title(), p.year(), p.genres(), p.weightedRating())));
        }
        ctx.json(new Similar(m.itemId(), "cluster", clusters.name(), clusters.version(), items));
    }

    private void search(Context ctx) {
        String q = Params.required(ctx, "q");
        int limit = ListParams.searchLimit(ctx, limits);
        List<MovieView> hits = TitleSearch.search(catalog.all(), q, limit).stream().map(TitleSearch.Hit::movie).toList();
        ctx.json(new SearchResult(q, hits));
    }

    private static Double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    public record Stats(long ratings, Double meanRating, Double weightedRating) {
    }

    /**
     * @param cluster the item's cluster id when a cluster model is loaded, else null
     * @param imdb    what the catalogue knows from IMDb (runtime, origin, IMDb's rating), null when nothing
     */
    public record Details(String itemId, String title, Integer year, List<String> genres, Stats stats, Integer cluster,
                          Imdb imdb) {
    }

    /** A movie's IMDb details; absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Imdb(String id, Integer runtime, String language, String region, Double rating, Long votes) {

        /** The record's IMDb details, or null when it has none. */
        static Imdb of(Movie m) {
            Imdb imdb = new Imdb(m.getImdbId(), m.getRuntime(), m.getLanguage(), m.getRegion(), m.getImdbRating(), m.getImdbVotes());
            return imdb.equals(new Imdb(null, null, null, null, null, null)) ? null : imdb;
        }
    }

    /**
     * @param similarity cosine of retrieval vectors for method=factors; for method=cluster the closeness
     *                   1 / (1 + distance) in the clustering space (the weighted rating for a cluster version
     *                   published without item coordinates)
     */
    public record SimilarItem(String itemId, String title, Integer year, List<String> genres, double similarity) {
    }

    public record Similar(String itemId, String method, String model, long modelVersion, List<SimilarItem> items) {
    }

    public record SearchResult(String query, List<MovieView> items) {
    }
}
