package io.reelfm.serving.recommend;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.rank.CalibratedModel;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.variant.Variants;
import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.model.ModelRegistry;
import io.reelfm.serving.model.UserVectorCache;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.state.ServingStores;
import io.reelfm.serving.topology.UserHistory;
import io.reelfm.serving.unavailable.ServingUnavailable;

/**
 * Answers the per-user questions on the instance that owns the user's partition: a user with
 * ratings is folded into the variant's model (with their profile when the users topic has one)
 * and the catalogue is ranked by the model's top-K; a user without ratings gets the popular list,
 * or, when the request carries profile fields, items rated highly by similar raters. Each
 * recommendation is explained by the user's liked item whose retrieval vector is closest to it.
 *
 * <p>A variant may serve a ranking model, whose scores order the list but are not ratings: each
 * item's {@code predictedRating}, and {@code /predict}, then come from the rating model
 * ({@code reelfm.serving.rating-model}) when it is loaded, and are empty otherwise. A user none of
 * whose rated items the ranking model knows gets the popular list, as a user with no ratings does.
 * A ranking model published with a calibration strength has its list calibrated to the genre mix
 * of the user's history ({@link ListCalibration}) from its best {@value CalibratedModel#POOL}
 * candidates, with the genres the model carries.
 */
public final class Recommender {

    private final ServingStores stores;
    private final Catalog catalog;
    private final PopularityRanker popularity;
    private final ModelRegistry models;
    private final UserVectorCache vectors;
    private final Variants variants;
    private final String ratingModel;

    /** @param ratingModel the model behind predicted ratings for ranking variants, or {@code none} */
    public Recommender(ServingStores stores, Catalog catalog, PopularityRanker popularity, ModelRegistry models,
                       UserVectorCache vectors, Variants variants, String ratingModel) {
        this.ratingModel = ratingModel;
        this.stores = stores;
        this.catalog = catalog;
        this.popularity = popularity;
        this.models = models;
        this.vectors = vectors;
        this.variants = variants;
    }

    public UserHistory history(String userId) {
        UserHistory h = stores.userHistory(userId);
        return h == null ? UserHistory.empty() : h;
    }

    public Recommendations recommend(String userId, RecommendQuery q) {
        Variant variant = variants.assign(userId);
        String requestId = UUID.randomUUID().toString();
        UserHistory history = history(userId);
        Optional<FactorModel> loaded = models.get(variant.model());
        if (history.isEmpty() && !q.profileSegments().isEmpty()) {
            String reason = "popular with users like you (" + String.join(", ", q.profileSegments()) + ")";
            List<Recommendations.Item> items = popularity.byProfile(q.k(), q.profileSegments(), q.filter()::accepts).stream()
                    .map(p -> new Recommendations.Item(p.itemId(), p.title(), p.year(), p.genres(), p.weightedRating(),
                            null, reason, null))
                    .toList();
            return new Recommendations(userId, items, variant.model(), loaded.map(FactorModel::version).orElse(null),
                    variant.name(), requestId, "profile");
        }
        if (history.isEmpty()) {
            return popular(userId, q, variant, loaded, requestId);
        }
        FactorModel model = loaded.orElseThrow(() -> ServingUnavailable.noModel(variant.model()));
        UserProfile profile = stores.userProfile(userId);
        UserVector user = vectors.vector(userId, model, history, profile);
        if (model.ranking() && user.ratingsUsed() == 0) {
            return popular(userId, q, variant, loaded, requestId);
        }
        List<Recommendations.Item> items = personal(model, userId, user, history, profile, q);
        return new Recommendations(userId, items, model.name(), model.version(), variant.name(), requestId, "fold-in");
    }

    /** The user's list from the model: filtered candidates, calibrated when the model asks for it, each explained. */
    private List<Recommendations.Item> personal(FactorModel model, String userId, UserVector user, UserHistory history,
                                                UserProfile profile, RecommendQuery q) {
        Ratings ratings = ratingsFor(model, userId, history, profile);
        boolean calibrate = model.ranking() && model.calibration() > 0 && model.genres().count() > 0;
        int wanted = calibrate ? Math.max(q.k(), CalibratedModel.POOL) : q.k();
        BitSet excluded = EXCLUDED.get();
        CandidatePool pool;
        try {
            pool = CandidatePool.select(catalog, model, user, q.filter(), q.filter().excludeRows(model, history, excluded),
                    wanted, q.k());
        } finally {
            excluded.clear();
        }
        if (calibrate) {
            pool = pool.pick(ListCalibration.choose(model, ratedRows(model, history), pool.rows(), pool.scores(),
                    pool.size(), q.k()));
        }
        int[] because = model.closestOf(pool.rows(), likedRows(model, history));
        List<Recommendations.Item> items = new ArrayList<>(pool.size());
        for (int j = 0; j < pool.size(); j++) {
            MovieView m = pool.view(j);
            float score = pool.scores()[j];
            items.add(item(model, m, score, ratings.of(m.itemId(), score), because[j]));
        }
        return items;
    }

    /**
     * The thread's set of rows left out of a list, cleared after each use. Sized by the catalogue
     * (62,000 items: 7.8 KB), a fresh one per request was a twentieth of an instance's allocation
     * under load; the rows set are a user's few rated items, so clearing is cheap.
     */
    private static final ThreadLocal<BitSet> EXCLUDED = ThreadLocal.withInitial(BitSet::new);

    private Recommendations popular(String userId, RecommendQuery q, Variant variant, Optional<FactorModel> loaded,
                                    String requestId) {
        List<Recommendations.Item> items = popularity.popular(q.k(), q.filter()::accepts).stream()
                .map(p -> new Recommendations.Item(p.itemId(), p.title(), p.year(), p.genres(), p.weightedRating(),
                        null, "popular", null))
                .toList();
        return new Recommendations(userId, items, variant.model(), loaded.map(FactorModel::version).orElse(null),
                variant.name(), requestId, "popular");
    }

    /** Predicted ratings of listed items: the served model's own scores (clipped to the range it was fitted on), or the rating model's for a ranking model. */
    @FunctionalInterface
    private interface Ratings {
        Double of(String itemId, float score);
    }

    private Ratings ratingsFor(FactorModel model, String userId, UserHistory history, UserProfile profile) {
        if (!model.ranking()) {
            return (itemId, score) -> round(model.served(score));
        }
        Optional<FactorModel> rating = models.get(ratingModel).filter(m -> !m.ranking());
        if (rating.isEmpty()) {
            return (itemId, score) -> null;
        }
        FactorModel r = rating.get();
        UserVector v = vectors.vector(userId, r, history, profile);
        return (itemId, score) -> {
            int row = r.row(itemId);
            return row < 0 ? null : round(r.predict(v, row));
        };
    }

    /**
     * The user's predicted rating of an item under their variant's model (the rating model when the
     * variant serves a ranking model); empty if the model lacks the item.
     */
    public Optional<Prediction> predict(String userId, String itemId) {
        Variant variant = variants.assign(userId);
        FactorModel served = models.get(variant.model()).orElseThrow(() -> ServingUnavailable.noModel(variant.model()));
        FactorModel model = served.ranking()
                ? models.get(ratingModel).filter(m -> !m.ranking()).orElseThrow(() -> ServingUnavailable.noModel(ratingModel))
                : served;
        int row = model.row(itemId);
        if (row < 0) {
            return Optional.empty();
        }
        UserVector user = vectors.vector(userId, model, history(userId), stores.userProfile(userId));
        double p = model.predict(user, row);
        return Optional.of(new Prediction(userId, itemId, round(p), model.name(), model.version(), variant.name()));
    }

    private Recommendations.Item item(FactorModel model, MovieView m, float score, Double predictedRating, int because) {
        String reason;
        String becauseId = null;
        if (because >= 0) {
            becauseId = model.itemId(because);
            MovieView b = catalog.view(becauseId);
            reason = "because you rated " + (b.title() == null ? becauseId : b.title());
        } else {
            reason = "matches your ratings";
        }
        return new Recommendations.Item(m.itemId(), m.title(), m.year(), m.genres(), round(score), predictedRating,
                reason, becauseId);
    }

    /** Rows of every item the user rated that the model knows. */
    private static int[] ratedRows(FactorModel model, UserHistory history) {
        return java.util.Arrays.stream(model.rows(history)).filter(r -> r >= 0).toArray();
    }

    /** Rows of the items the user rated at or above their own mean: the ones worth citing as a reason. */
    private static int[] likedRows(FactorModel model, UserHistory history) {
        List<UserHistory.Entry> entries = history.entries();
        double mean = entries.stream().mapToDouble(UserHistory.Entry::rating).average().orElse(0);
        int[] rows = model.rows(history);
        int[] liked = new int[rows.length];
        int n = 0;
        for (int j = 0; j < rows.length; j++) {
            if (rows[j] >= 0 && entries.get(j).rating() >= mean) {
                liked[n++] = rows[j];
            }
        }
        return java.util.Arrays.copyOf(liked, n);
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    public record Prediction(String userId, String itemId, double predictedRating, String model, long modelVersion,
                             String variant) {
    }
}
