package io.reelfm.serving.recommend;

import java.util.Arrays;
import java.util.BitSet;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.lists.ListFilter;
import io.reelfm.serving.model.FactorModel;

/**
 * The model's best items for a user that pass a {@link ListFilter}, best first. Kept apart from
 * the {@link Recommender} because it is the one place that trades scoring cost against filter
 * selectivity: it scores only as deep as the filter needs ({@link ListFilter#scanDepth}) and reads
 * the catalogue per candidate only when the filter looks at catalogue fields.
 */
final class CandidatePool {

    private final Catalog catalog;
    private final FactorModel model;
    private final int[] rows;
    private final float[] scores;
    /** Catalogue entries read while filtering; null where none was needed yet. */
    private final MovieView[] views;

    private CandidatePool(Catalog catalog, FactorModel model, int[] rows, float[] scores, MovieView[] views) {
        this.catalog = catalog;
        this.model = model;
        this.rows = rows;
        this.scores = scores;
        this.views = views;
    }

    /**
     * Up to {@code wanted} accepted items. When the first scan leaves fewer than {@code k}, the
     * whole catalogue is scored, so a selective filter still fills the list if the catalogue can.
     */
    static CandidatePool select(Catalog catalog, FactorModel model, UserVector user, ListFilter filter,
                                BitSet excluded, int wanted, int k) {
        int depth = filter.scanDepth(wanted, model.items());
        ScoredItems top = model.topK(user, depth, excluded);
        if (filter.narrows() && depth < model.items() && accepted(catalog, model, top, filter) < k) {
            top = model.topK(user, model.items(), excluded);
        }
        int[] rows = new int[wanted];
        float[] scores = new float[wanted];
        MovieView[] views = new MovieView[wanted];
        int n = 0;
        for (int r = 0; r < top.size() && n < wanted; r++) {
            int row = top.index(r);
            MovieView m = filter.narrows() ? catalog.view(model.itemId(row)) : null;
            if (filter.narrows() && !filter.accepts(m)) {
                continue;
            }
            rows[n] = row;
            scores[n] = top.score(r);
            views[n++] = m;
        }
        return new CandidatePool(catalog, model, Arrays.copyOf(rows, n), Arrays.copyOf(scores, n), Arrays.copyOf(views, n));
    }

    private static int accepted(Catalog catalog, FactorModel model, ScoredItems top, ListFilter filter) {
        int n = 0;
        for (int r = 0; r < top.size(); r++) {
            if (filter.accepts(catalog.view(model.itemId(top.index(r))))) {
                n++;
            }
        }
        return n;
    }

    /** The candidates at {@code positions}, in that order (a reranker's choice). */
    CandidatePool pick(int[] positions) {
        int[] r = new int[positions.length];
        float[] s = new float[positions.length];
        MovieView[] v = new MovieView[positions.length];
        for (int j = 0; j < positions.length; j++) {
            r[j] = rows[positions[j]];
            s[j] = scores[positions[j]];
            v[j] = views[positions[j]];
        }
        return new CandidatePool(catalog, model, r, s, v);
    }

    int size() {
        return rows.length;
    }

    int[] rows() {
        return rows;
    }

    float[] scores() {
        return scores;
    }

    /** The catalogue entry of candidate {@code j}, read now if filtering did not need it. */
    MovieView view(int j) {
        if (views[j] == null) {
            views[j] = catalog.view(model.itemId(rows[j]));
        }
        return views[j];
    }
}
