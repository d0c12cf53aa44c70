package io.reelfm.core.fm.snapshot;

import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.rank.ImplicitFoldIn;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers queries from an {@link FmSnapshot} alone: folds a user in from their ratings and
 * profile, predicts single ratings, scores the whole catalogue and returns the top K with an
 * exclusion set. This is exactly what serving runs, so its accuracy is the one that counts.
 * Immutable and thread-safe; each call allocates only O(k^2 + items) scratch.
 */
public final class FmItemScorer {

    private final FmSnapshot snap;
    private final ItemMatrix matrix;
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final int k;
    private final float[] retrieval;
    private final float[] bias;
    /** Posterior variance of the retrieval vectors, null for point-estimate models. */
    private final float[] variance;
    /** Gramian of the item vectors (k x k) for a RANKING snapshot's fold-in; null for rating models. */
    private final double[] itemGram;

    public FmItemScorer(FmSnapshot snap) {
        this.snap = snap;
        this.k = snap.k();
        this.retrieval = snap.retrievalArray();
        this.bias = snap.itemBiasArray();
        this.variance = snap.retrievalVarianceArray();
        this.matrix = new ItemMatrix(retrieval, bias, k);
        this.itemGram = snap.task() == FmTask.RANKING ? ImplicitFoldIn.gram(retrieval, snap.items(), k) : null;
        for (int i = 0; i < snap.items(); i++) {
            itemIndex.put(snap.itemId(i), i);
        }
    }

    public FmSnapshot snapshot() {
        return snap;
    }

    /** Dense index of an item id, or -1 when the snapshot does not know it. */
    public int item(String itemId) {
        return itemIndex.getOrDefault(itemId, -1);
    }

    public ItemMatrix matrix() {
        return matrix;
    }

    /**
     * Adds user-side feature {@code j} (none when negative) with value {@code x}: its factors to
     * {@code p}, its first-order term to {@code linSq[0]} and its squared factors to
     * {@code linSq[1]}, the pieces of the FM's pairwise identity.
     */
    private void addUserFeature(int j, double x, double[] p, double[] linSq) {
        if (j < 0) {
            return;
        }
        linSq[0] += snap.featureWeight(j) * x;
        for (int f = 0; f < k; f++) {
            double v = snap.featureFactor(j, f) * x;
            p[f] += v;
            linSq[1] += v * v;
        }
    }

    /**
     * Folds a user in. {@code profile} may be null; ratings of items the snapshot does not know
     * are ignored. With no usable rating the user gets the prior mean (a cold-start answer).
     * The IMPLICIT features are the rated items, as in training.
     */
    public UserVector foldIn(UserAttributes profile, String[] itemIds, float[] ratings) {
        return foldIn(profile, itemIds, null, ratings);
    }

    /**
     * As {@link #foldIn(UserAttributes, String[], float[])}, with each id's item row already looked
     * up ({@code rows[r] == item(itemIds[r])}), or null to look them up here. A serving request
     * needs the rows for more than the fold-in and looks them up once.
     */
    public UserVector foldIn(UserAttributes profile, String[] itemIds, int[] rows, float[] ratings) {
        if (itemIds.length != ratings.length || (rows != null && rows.length != itemIds.length)) {
            throw new IllegalArgumentException("itemIds, rows and ratings differ in length: " + itemIds.length + " vs "
                    + (rows == null ? "-" : rows.length) + " vs " + ratings.length);
        }
        if (itemGram != null) {
            return foldInImplicit(profile, itemIds, rows, ratings);
        }
        double[] p = new double[k];
        double[] linSq = new double[2];
        for (String name : FmEncoder.profileFeatures(profile)) {
            addUserFeature(snap.feature(FeatureGroup.PROFILE, name), 1.0, p, linSq);
        }
        if (itemIds.length > 0) {
            double x = 1.0 / Math.sqrt(itemIds.length);
            for (String id : itemIds) {
                addUserFeature(snap.feature(FeatureGroup.IMPLICIT, id), x, p, linSq);
            }
        }
        double pp = 0;
        for (int f = 0; f < k; f++) {
            pp += p[f] * p[f];
        }
        double constC = snap.globalBias() + linSq[0] + 0.5 * (pp - linSq[1]);

        int d = k + 1;
        double[] ata = new double[d * d];
        double[] atb = new double[d];
        float[] z = new float[k];
        int used = 0;
        for (int r = 0; r < itemIds.length; r++) {
            int i = rows == null ? item(itemIds[r]) : rows[r];
            if (i < 0) {
                continue;
            }
            if (!Float.isFinite(ratings[r])) {
                throw new IllegalArgumentException("ratings[" + r + "] is not finite: " + ratings[r]);
            }
            double pq = 0;
            int base = i * k;
            for (int f = 0; f < k; f++) {
                float qf = retrieval[base + f];
                z[f] = (float) (p[f] + qf);
                pq += p[f] * qf;
            }
            FoldIn.accumulate(ata, atb, z, ratings[r] - (constC + bias[i] + pq));
            if (variance != null) {
                for (int f = 0; f < k; f++) {
                    ata[(f + 1) * d + f + 1] += variance[base + f];
                }
            }
            used++;
        }
        FoldInPrior prior = snap.prior();
        double scale = prior.perRating() ? Math.max(1, used) : 1;
        double[] theta = FoldIn.solve(ata, atb, d, prior.ridgeW() * scale + 1e-9, prior.ridgeV(), scale,
                prior.meanW(), prior.meanV());
        float[] query = new float[k];
        double constant = constC + theta[0];
        for (int f = 0; f < k; f++) {
            query[f] = (float) (p[f] + theta[f + 1]);
            constant += theta[f + 1] * p[f];
        }
        return new UserVector(query, (float) constant, used);
    }

    /**
     * A RANKING snapshot's fold-in: the user's interactions, weighted by rating as in training,
     * solved under the implicit loss ({@link ImplicitFoldIn}) with the ridge centred on the
     * profile's embedding sum when the snapshot carries profile embeddings (the attribute model);
     * the profile also feeds the re-ranker's user state when the snapshot has a re-ranker.
     */
    private UserVector foldInImplicit(UserAttributes profile, String[] itemIds, int[] known, float[] ratings) {
        int[] rows = new int[itemIds.length];
        float[] weights = new float[itemIds.length];
        int used = 0;
        for (int r = 0; r < itemIds.length; r++) {
            if (!Float.isFinite(ratings[r])) {
                throw new IllegalArgumentException("ratings[" + r + "] is not finite: " + ratings[r]);
            }
            rows[r] = known == null ? item(itemIds[r]) : known[r];
            weights[r] = snap.interactionWeight().of(ratings[r]);
            used += rows[r] >= 0 ? 1 : 0;
        }
        float[] query = ImplicitFoldIn.solve(retrieval, k, itemGram, rows, weights, snap.implicitPrior(), snap.items(),
                profileMean(profile));
        DeepFmNet net = snap.reranker();
        float[] state = net == null ? null : net.userState(net.features().user(profile, rows));
        return new UserVector(query, 0f, used, state);
    }

    /**
     * The prior mean of a ranking user: the sum of the snapshot's embeddings of their profile's
     * attributes (the attribute model's), or null (the origin) when the snapshot has none of them.
     */
    private float[] profileMean(UserAttributes profile) {
        float[] mean = null;
        for (String name : FmEncoder.profileFeatures(profile)) {
            int j = snap.feature(FeatureGroup.PROFILE, name);
            if (j < 0) {
                continue;
            }
            mean = mean == null ? new float[k] : mean;
            for (int f = 0; f < k; f++) {
                mean[f] += snap.featureFactor(j, f);
            }
        }
        return mean;
    }

    /** The served prediction for one item (clipped to the scale for regression). */
    public float predict(UserVector u, int item) {
        float[] q = u.queryUnsafe();
        double s = u.constant() + bias[item];
        int base = item * k;
        for (int f = 0; f < k; f++) {
            s += (double) q[f] * retrieval[base + f];
        }
        return served(s);
    }

    /**
     * A raw score as served: a rating model's clipped to the range of the ratings it was fitted
     * on (recorded in the snapshot), a ranking model's as it is.
     */
    public float served(double s) {
        return snap.task() == FmTask.REGRESSION
                ? (float) Math.max(snap.minTarget(), Math.min(snap.maxTarget(), s)) : (float) s;
    }

    /** Unclipped scores of every item into {@code out}; ranking is unaffected by clipping. */
    public void scoreAll(UserVector u, float[] out) {
        matrix.scoreAll(u.queryUnsafe(), u.constant(), out);
    }

    /**
     * The best {@code n} items, skipping {@code excluded} (e.g. the items already rated; may be null).
     * With a re-ranker the snapshot's best {@link DeepFmNet#candidates} items are ordered by the
     * network in one batched pass and scored by its logits; beyond them (a filtered list that needs
     * more) the retrieval order continues below the re-ranked ones.
     */
    public ScoredItems topK(UserVector u, int n, BitSet excluded) {
        DeepFmNet net = snap.reranker();
        if (net == null || u.rerank() == null) {
            return matrix.topK(u.queryUnsafe(), u.constant(), n, excluded);
        }
        ScoredItems retrieved = matrix.topK(u.queryUnsafe(), u.constant(), Math.max(n, net.candidates()), excluded);
        int m = Math.min(retrieved.size(), net.candidates());
        ScoredItems candidates = m == retrieved.size() ? retrieved : new ScoredItems(
                java.util.Arrays.copyOf(retrieved.indices(), m), java.util.Arrays.copyOf(retrieved.scores(), m));
        float[] logits = net.rerank(u.rerank(), candidates);
        ScoredItems reranked = TopK.select(logits, Math.min(n, m));
        int size = Math.min(n, retrieved.size());
        int[] indices = new int[size];
        float[] out = new float[size];
        float floor = Float.POSITIVE_INFINITY;
        for (int j = 0; j < reranked.size(); j++) {
            indices[j] = candidates.index(reranked.index(j));
            out[j] = reranked.score(j);
            floor = Math.min(floor, out[j]);
        }
        for (int j = reranked.size(); j < size; j++) {
            indices[j] = retrieved.index(j);
            out[j] = floor - 1 - (j - reranked.size());
        }
        return new ScoredItems(indices, out);
    }
}
