package io.reelfm.trainer.model;

import java.util.stream.IntStream;
import java.util.Map;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.model.RecordAttributes;
import io.reelfm.trainer.store.TrainingState;

/**
 * Rows of the training state in the shape recommender-core's FM encoder reads: a rating set over
 * the trainer's dense ids, the id indices (every known user and item, so an exported snapshot
 * covers the whole catalogue) and the side information of the movies and users topics.
 *
 * @param ratings the selected ratings
 * @param users   every known user, in dictionary order
 * @param items   every known item, in dictionary order
 * @param side    genres and year of known movies, age/gender/occupation of known users
 */
public record FmInputs(RatingSet ratings, IdIndex users, IdIndex items, SideInfo side) {

    /** The given store rows of {@code state} with everything the state knows about users and items. */
    public static FmInputs of(TrainingState state, int[] rows) {
        int n = rows.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] r = new float[n];
        long[] t = new long[n];
        for (int j = 0; j < n; j++) {
            u[j] = state.ratings().user(rows[j]);
            i[j] = state.ratings().item(rows[j]);
            r[j] = state.ratings().rating(rows[j]);
            t[j] = state.ratings().seconds(rows[j]);
        }
        IdIndex users = index(state.users());
        IdIndex items = index(state.items());
        RatingSet set = new RatingSet(u, i, r, t, users.size(), items.size());
        return new FmInputs(set, users, items, side(state.movies(), state.profiles()));
    }

    /**
     * As {@link #of}, in an order that does not depend on the order events arrived in: users and
     * items indexed in id order, rows sorted by user, then item. Full fits read this, so two
     * replays of the same ratings (whose partitions interleave differently each time) give the
     * same model: random starts, search samples and summation orders all follow the index.
     */
    public static FmInputs canonical(TrainingState state, int[] rows) {
        int[] userOrder = idOrder(state.users());
        int[] itemOrder = idOrder(state.items());
        int[] userRank = inverse(userOrder);
        int[] itemRank = inverse(itemOrder);
        int n = rows.length;
        int[] u = new int[n];
        int[] i = new int[n];
        for (int j = 0; j < n; j++) {
            u[j] = userRank[state.ratings().user(rows[j])];
            i[j] = itemRank[state.ratings().item(rows[j])];
        }
        int[] byItem = countingOrder(i, itemOrder.length, null);
        int[] order = countingOrder(u, userOrder.length, byItem);
        int[] su = new int[n];
        int[] si = new int[n];
        float[] r = new float[n];
        long[] t = new long[n];
        for (int j = 0; j < n; j++) {
            int o = order[j];
            su[j] = u[o];
            si[j] = i[o];
            r[j] = state.ratings().rating(rows[o]);
            t[j] = state.ratings().seconds(rows[o]);
        }
        IdIndex users = index(state.users(), userOrder);
        IdIndex items = index(state.items(), itemOrder);
        RatingSet set = new RatingSet(su, si, r, t, users.size(), items.size());
        return new FmInputs(set, users, items, side(state.movies(), state.profiles()));
    }

    /** Dictionary indices in the order of their ids. */
    private static int[] idOrder(IdIndex live) {
        return IntStream.range(0, live.size()).boxed()
                .sorted((a, b) -> live.id(a).compareTo(live.id(b))).mapToInt(Integer::intValue).toArray();
    }

    private static int[] inverse(int[] order) {
        int[] rank = new int[order.length];
        for (int j = 0; j < order.length; j++) {
            rank[order[j]] = j;
        }
        return rank;
    }

    /** Positions sorted by {@code keys} (0..range-1), stable with respect to {@code within} (null: position order). */
    private static int[] countingOrder(int[] keys, int range, int[] within) {
        int[] start = new int[range + 1];
        for (int key : keys) {
            start[key + 1]++;
        }
        for (int k = 0; k < range; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[keys.length];
        for (int j = 0; j < keys.length; j++) {
            int p = within == null ? j : within[j];
            out[start[keys[p]]++] = p;
        }
        return out;
    }

    private static IdIndex index(IdIndex live, int[] order) {
        IdIndex index = new IdIndex();
        for (int j : order) {
            index.indexOf(live.id(j));
        }
        return index;
    }

    /** Side information of the movies and users topics, as the models read it. */
    public static SideInfo side(Map<String, Movie> movies, Map<String, UserProfile> profiles) {
        SideInfo side = SideInfo.empty();
        for (Map.Entry<String, Movie> e : movies.entrySet()) {
            side.putItem(e.getKey(), RecordAttributes.item(e.getValue()));
        }
        for (Map.Entry<String, UserProfile> e : profiles.entrySet()) {
            side.putUser(e.getKey(), RecordAttributes.user(e.getValue()));
        }
        return side;
    }

    /** A copy of the state's index as it is now: the fit's index must not grow with ids seen later. */
    private static IdIndex index(IdIndex live) {
        IdIndex index = new IdIndex();
        for (int j = 0; j < live.size(); j++) {
            index.indexOf(live.id(j));
        }
        return index;
    }
}
