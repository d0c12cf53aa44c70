package io.reelfm.core.fm.bench;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.datasets.model.Ml100k;

/**
 * Replays what serving does for every test user: fold the user in from their training ratings
 * (and profile) against the item-side snapshot, then predict their test ratings.
 */
public final class ServedPredictor {

    private ServedPredictor() {
    }

    /** Served predictions for every row of the fold's test set, in row order. */
    public static float[] predict(FmItemScorer scorer, SideInfo side, Ml100k.Fold fold) {
        RatingSet train = fold.train();
        int[][] byUser = train.rowsByUser();
        UserVector[] cache = new UserVector[train.numUsers()];
        RatingSet test = fold.test();
        float[] out = new float[test.size()];
        for (int r = 0; r < test.size(); r++) {
            int u = test.user(r);
            UserVector uv = cache[u];
            if (uv == null) {
                int[] rows = byUser[u];
                String[] items = new String[rows.length];
                float[] ratings = new float[rows.length];
                for (int j = 0; j < rows.length; j++) {
                    items[j] = fold.items().id(train.item(rows[j]));
                    ratings[j] = train.value(rows[j]);
                }
                uv = scorer.foldIn(side.user(fold.users().id(u)), items, ratings);
                cache[u] = uv;
            }
            int item = scorer.item(fold.items().id(test.item(r)));
            out[r] = item < 0 ? uv.constant() : scorer.predict(uv, item);
        }
        return out;
    }
}
