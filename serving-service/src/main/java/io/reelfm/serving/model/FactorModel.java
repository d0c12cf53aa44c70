package io.reelfm.serving.model;

import java.util.BitSet;
import java.util.List;

import io.reelfm.core.fm.FmTask;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import io.reelfm.datasets.UserRow;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.UserProfile;
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
    /** Euclidean norm of each item's retrieval vector: cosines come from the scorer's own matrix, no second copy. */
    private final float[] norms;

    FactorModel(ModelManifest manifest, FmSnapshot snapshot) {
        this.manifest = manifest;
        this.scorer = new FmItemScorer(snapshot);
        this.norms = norms(scorer.matrix());
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
        String[] ids = new String[ratings.size()];
        float[] values = new float[ratings.size()];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = ratings.get(j).itemId();
            values[j] = ratings.get(j).rating();
        }
        return scorer.foldIn(userRow(profile), ids, values);
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
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        ItemMatrix m = scorer.matrix();
        float[] x = m.vector(a);
        float[] y = m.vector(b);
        float dot = 0;
        for (int f = 0; f < x.length; f++) {
            dot += x[f] * y[f];
        }
        return dot / (norms[a] * norms[b]);
    }

    /**
     * For each of {@code rows}, the entry of {@code among} whose retrieval vector is closest to it
     * by cosine, or -1 when none has a non-zero vector. Each vector is read and normalised once,
     * so explaining a top-10 list against hundreds of rated items stays a few thousand
     * multiply-adds.
     */
    public int[] closestOf(int[] rows, int[] among) {
        int k = k();
        ItemMatrix m = scorer.matrix();
        float[] unit = new float[among.length * k];
        for (int j = 0; j < among.length; j++) {
            normalised(m, among[j], unit, j * k);
        }
        float[] query = new float[k];
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = -1;
            if (!normalised(m, rows[r], query, 0)) {
                continue;
            }
            float best = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < among.length; j++) {
                if (norms[among[j]] == 0) {
                    continue;
                }
                float dot = 0;
                int base = j * k;
                for (int f = 0; f < k; f++) {
                    dot += query[f] * unit[base + f];
                }
                if (dot > best) {
                    best = dot;
                    out[r] = among[j];
                }
            }
        }
        return out;
    }

    private boolean normalised(ItemMatrix m, int row, float[] out, int offset) {
        float norm = norms[row];
        if (norm == 0) {
            return false;
        }
        float[] v = m.vector(row);
        for (int f = 0; f < v.length; f++) {
            out[offset + f] = v[f] / norm;
        }
        return true;
    }

    /**
     * The {@code n} items closest to {@code row} by cosine of retrieval vectors, excluding the item
     * itself: one pass over the catalogue matrix, each dot product divided by the item's norm.
     */
    public ScoredItems mostSimilar(int row, int n) {
        ItemMatrix m = scorer.matrix();
        float[] scores = new float[m.items()];
        BitSet excluded = new BitSet(m.items());
        excluded.set(row);
        if (norms[row] > 0) {
            m.scoreAll(m.vector(row), 0f, scores);
            for (int i = 0; i < scores.length; i++) {
                if (norms[i] > 0) {
                    scores[i] = (scores[i] - m.bias(i)) / (norms[i] * norms[row]);
                } else {
                    scores[i] = 0;
                }
            }
        }
        return TopK.select(scores, n, excluded);
    }

    private static float[] norms(ItemMatrix m) {
        float[] out = new float[m.items()];
        for (int i = 0; i < out.length; i++) {
            double sq = 0;
            for (float v : m.vector(i)) {
                sq += (double) v * v;
            }
            out[i] = (float) Math.sqrt(sq);
        }
        return out;
    }

    private static UserRow userRow(UserProfile p) {
        if (p == null) {
            return null;
        }
        return new UserRow(p.getUserId(), p.getAge(), p.getGender() == null ? null : p.getGender().toString(),
                p.getOccupation() == null ? null : p.getOccupation().toString());
    }
}
