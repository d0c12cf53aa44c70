package io.reelfm.serving.model;

import java.util.BitSet;
import java.util.List;

import io.reelfm.core.fm.FmTask;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.retrieval.ItemSimilarity;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.model.RecordAttributes;
import io.reelfm.serving.topology.UserHistory;

/**
 * One loaded model version: recommender-core's {@link FmItemScorer} over the trainer's
 * {@link FmSnapshotCodec RFM2} snapshot, plus the manifest it came with. Users are folded in,
 * items predicted and the catalogue ranked exactly as the trainer's holdout gate measured them,
 * because both run the same scorer. Immutable and shared by all request threads; a new version
 * is a new instance, swapped in whole by {@link ModelRegistry}, so a request never sees
 * parameters of two versions.
 */
public final class FactorModel {

    private final ModelManifest manifest;
    private final FmItemScorer scorer;
    private final ItemSimilarity similarity;

    FactorModel(ModelManifest manifest, FmSnapshot snapshot) {
        this.manifest = manifest;
        this.scorer = new FmItemScorer(snapshot);
        this.similarity = new ItemSimilarity(scorer.matrix());
    }

    /** Parses a verified payload; a malformed one raises {@link IllegalArgumentException} saying why. */
    public static FactorModel fromPayload(ModelManifest manifest, byte[] payload) {
        return new FactorModel(manifest, FmSnapshotCodec.decode(payload));
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.getModelName();
    }

    public long version() {
        return manifest.getVersion();
    }

    /** True for a ranking model: its scores order items and are not ratings. */
    public boolean ranking() {
        return scorer.snapshot().task() == FmTask.RANKING;
    }

    /** How strongly a ranking model's lists are calibrated to the user's genre mix; 0 for rating models. */
    public double calibration() {
        return scorer.snapshot().calibration();
    }

    /** The item genres a ranking model carries for calibration, by row; none for rating models. */
    public GenreSource genres() {
        return scorer.snapshot().genres();
    }

    public int k() {
        return scorer.snapshot().k();
    }

    public int items() {
        return scorer.snapshot().items();
    }

    /** Row of an item, or -1 when this version does not know it. */
    public int row(String itemId) {
        return scorer.item(itemId);
    }

    public String itemId(int row) {
        return scorer.snapshot().itemId(row);
    }

    /**
     * Folds a user in from their ratings and, when known, their profile. Items this version does
     * not know are ignored; with none known the user gets the model's prior (a cold-start answer).
     */
    public UserVector foldIn(UserProfile profile, List<UserHistory.Entry> ratings) {
        return foldIn(profile, ratings, null);
    }

    /** As {@link #foldIn(UserProfile, List)}, with the history's rows looked up once ({@link #rows}). */
    public UserVector foldIn(UserProfile profile, UserHistory history) {
        return foldIn(profile, history.entries(), rows(history));
    }

    private UserVector foldIn(UserProfile profile, List<UserHistory.Entry> ratings, int[] rows) {
        String[] ids = new String[ratings.size()];
        float[] values = new float[ratings.size()];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = ratings.get(j).itemId();
            values[j] = ratings.get(j).rating();
        }
        return scorer.foldIn(RecordAttributes.user(profile), ids, rows, values);
    }

    /**
     * The row of each of the history's entries in this model, -1 where it lacks the item; looked
     * up on the first call for this history object and kept with it, since one request needs them
     * for the fold-in, the items left out of the list and the explanations. Not to be changed.
     */
    public int[] rows(UserHistory history) {
        return history.rows(this, scorer::item);
    }

    /** The served prediction of one row: clipped to the model's rating scale, or a ranking model's raw score. */
    public float predict(UserVector user, int row) {
        return scorer.predict(user, row);
    }

    /** A score from {@link #topK} as served: a rating model's clipped to its rating range. */
    public float served(float score) {
        return scorer.served(score);
    }

    /** The best {@code n} rows for the user, best first, skipping {@code excluded} (may be null). */
    public ScoredItems topK(UserVector user, int n, BitSet excluded) {
        return scorer.topK(user, n, excluded);
    }

    /** Cosine similarity of two items' retrieval vectors; 0 when either vector is zero. */
    public float cosine(int a, int b) {
        return similarity.cosine(a, b);
    }

    /** The share of the catalogue a list's first pass read, averaged over this version's lists (see {@link io.reelfm.core.retrieval.ItemMatrix#firstPassShare}). */
    public double scanShare() {
        return scorer.matrix().firstPassShare();
    }

    /** For each of {@code rows}, the entry of {@code among} closest to it by cosine, or -1; see {@link ItemSimilarity#closestOf}. */
    public int[] closestOf(int[] rows, int[] among) {
        return similarity.closestOf(rows, among);
    }

    /** The {@code n} items closest to {@code row} by cosine of retrieval vectors, excluding the item itself. */
    public ScoredItems mostSimilar(int row, int n) {
        return similarity.mostSimilar(row, n);
    }
}
