package io.reelfm.core.fm;

import io.reelfm.core.data.AttributeNames;
import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns (user, item) pairs into FM feature vectors: the user context (user id, profile fields,
 * SVD++-style implicit feedback) followed by the item part (item id, genres, release decade, the
 * item's raters). Keeping the two halves separate is what makes the retrieval decomposition and
 * fold-in possible. Grows the shared {@link FeatureSpace} as new ids and values appear. The raters
 * of each item are those of the last {@link #encode} call's training ratings, so that exporting the
 * item side after training encodes items exactly as training did. Not thread-safe.
 */
public final class FmEncoder {

    private final FeatureSpace space;
    private final SideInfo side;
    private final Set<FeatureGroup> groups;
    private Map<String, List<String>> raters = Map.of();

    public FmEncoder(FeatureSpace space, SideInfo side, Set<FeatureGroup> groups) {
        this.space = space;
        this.side = side == null ? SideInfo.empty() : side;
        this.groups = groups;
    }

    public FeatureSpace space() {
        return space;
    }

    /**
     * The user-side features. {@code ratedItems} feeds the IMPLICIT group: each rated item is a
     * feature of value {@code 1/sqrt(|N(u)|)}, so heavy and light raters have comparable norms.
     */
    public SparseVector userContext(String userId, List<String> ratedItems) {
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        idx.add(space.indexOf(FeatureGroup.USER, userId));
        val.add(1f);
        if (groups.contains(FeatureGroup.PROFILE)) {
            for (String name : profileFeatures(side.user(userId))) {
                idx.add(space.indexOf(FeatureGroup.PROFILE, name));
                val.add(1f);
            }
        }
        if (groups.contains(FeatureGroup.IMPLICIT) && ratedItems != null && !ratedItems.isEmpty()) {
            float w = (float) (1.0 / Math.sqrt(ratedItems.size()));
            for (String item : ratedItems) {
                idx.add(space.indexOf(FeatureGroup.IMPLICIT, item));
                val.add(w);
            }
        }
        return toVector(idx, val);
    }

    /**
     * The item-side features: id, genres (multi-hot), release decade and raters when switched on
     * and known.
     */
    public SparseVector item(String itemId) {
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        idx.add(space.indexOf(FeatureGroup.ITEM, itemId));
        val.add(1f);
        ItemAttributes m = side.item(itemId);
        if (m != null && groups.contains(FeatureGroup.GENRES)) {
            for (String g : m.genres()) {
                idx.add(space.indexOf(FeatureGroup.GENRES, g));
                val.add(1f);
            }
        }
        if (m != null && m.year() != null && groups.contains(FeatureGroup.YEAR)) {
            idx.add(space.indexOf(FeatureGroup.YEAR, AttributeNames.decade(m.year())));
            val.add(1f);
        }
        List<String> who = groups.contains(FeatureGroup.RATERS) ? raters.get(itemId) : null;
        if (who != null && !who.isEmpty()) {
            float w = (float) (1.0 / Math.sqrt(who.size()));
            for (String user : who) {
                idx.add(space.indexOf(FeatureGroup.RATERS, user));
                val.add(w);
            }
        }
        return toVector(idx, val);
    }

    /**
     * Encodes every row of {@code set}; implicit feedback of each user comes from
     * {@code implicitFrom} (the training ratings, never the test ones), and so do the raters of
     * each item, which are kept for later {@link #item} calls.
     */
    public FmData encode(RatingSet set, IdIndex users, IdIndex items, RatingSet implicitFrom) {
        List<List<String>> rated = ratedItems(implicitFrom, users, items);
        if (groups.contains(FeatureGroup.RATERS)) {
            raters = raters(implicitFrom, users, items);
        }
        SparseVector[] userCache = new SparseVector[users.size()];
        SparseVector[] itemCache = new SparseVector[items.size()];
        FmData.Builder b = new FmData.Builder();
        int[] idx = new int[64];
        float[] val = new float[64];
        for (int r = 0; r < set.size(); r++) {
            int u = set.user(r);
            int i = set.item(r);
            SparseVector uc = userCache[u];
            if (uc == null) {
                uc = userContext(users.id(u), u < rated.size() ? rated.get(u) : List.of());
                userCache[u] = uc;
            }
            SparseVector ic = itemCache[i];
            if (ic == null) {
                ic = item(items.id(i));
                itemCache[i] = ic;
            }
            int n = uc.nnz() + ic.nnz();
            if (n > idx.length) {
                idx = new int[n * 2];
                val = new float[n * 2];
            }
            System.arraycopy(uc.indices(), 0, idx, 0, uc.nnz());
            System.arraycopy(uc.values(), 0, val, 0, uc.nnz());
            System.arraycopy(ic.indices(), 0, idx, uc.nnz(), ic.nnz());
            System.arraycopy(ic.values(), 0, val, uc.nnz(), ic.nnz());
            b.add(idx, val, n, set.value(r));
        }
        return b.build();
    }

    /** Items each user rated in {@code set}, by dense user index, as external ids. */
    public static List<List<String>> ratedItems(RatingSet set, IdIndex users, IdIndex items) {
        List<List<String>> out = new ArrayList<>();
        if (set == null) {
            return out;
        }
        for (int u = 0; u < users.size(); u++) {
            out.add(new ArrayList<>());
        }
        for (int r = 0; r < set.size(); r++) {
            out.get(set.user(r)).add(items.id(set.item(r)));
        }
        return out;
    }

    /** Users who rated each item in {@code set}, by external item id, in row order. */
    public static Map<String, List<String>> raters(RatingSet set, IdIndex users, IdIndex items) {
        Map<String, List<String>> out = new HashMap<>();
        if (set == null) {
            return out;
        }
        for (int r = 0; r < set.size(); r++) {
            out.computeIfAbsent(items.id(set.item(r)), i -> new ArrayList<>()).add(users.id(set.user(r)));
        }
        return out;
    }

    /** The PROFILE feature names of a user (age bucket, gender, occupation), each of value 1. */
    public static List<String> profileFeatures(UserAttributes u) {
        return AttributeNames.profile(u);
    }

    private static SparseVector toVector(List<Integer> idx, List<Float> val) {
        int[] i = new int[idx.size()];
        float[] v = new float[val.size()];
        for (int j = 0; j < i.length; j++) {
            i[j] = idx.get(j);
            v[j] = val.get(j);
        }
        return new SparseVector(i, v);
    }
}
