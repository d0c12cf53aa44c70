package io.reelfm.core.fm.snapshot;

import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.rank.InteractionWeight;

/**
 * What the trainer publishes and serving loads: the item-side and feature-side parameters of an
 * FM, never one row per user. Serving folds each user in from their own ratings
 * ({@link FoldIn}), so a user the trainer never saw is personalised after their first ratings
 * and the snapshot's size does not grow with the user base.
 *
 * <p>Retrieval decomposition. Split an example's features into the user context C (user id,
 * profile, implicit items) and the item part I (item id, genres, decade). With
 * {@code p = sum_{j in C} v_j x_j} and {@code q_i = sum_{j in I} v_j x_j} the FM equation
 * regroups as
 * <pre>
 *   y(u, i) = [w0 + sum_C w_j x_j + 1/2 (|p|^2 - sum_C |v_j x_j|^2)]     (user constant c_u)
 *           + [sum_I w_j x_j + 1/2 (|q_i|^2 - sum_I |v_j x_j|^2)]         (item bias b_i)
 *           + &lt;p, q_i&gt;
 * </pre>
 * because the pairwise sum over C u I is the pairs inside C, the pairs inside I and every cross
 * pair, and the cross pairs sum to {@code <p, q_i>}. So for a fixed user context every item's
 * score is {@code b_i + <p, q_i>} plus a constant: ranking the catalogue is one matrix-vector
 * product over the rows q_i plus a top-K heap. {@link #itemBias} and {@link #retrievalVector} hold
 * b_i and q_i; {@link #itemFactor} is the item-id feature's own v; {@link #retrievalVariance} the
 * posterior variance of q_i when the model came from MCMC.
 *
 * <p>Immutable and thread-safe.
 */
public final class FmSnapshot {

    private final FmTask task;
    private final int k;
    private final float w0;
    private final float minTarget;
    private final float maxTarget;
    private final FoldInPrior prior;
    private final FeatureSpace features;
    private final float[] featureW;
    private final float[] featureV;
    private final SnapshotItems items;
    /** The implicit loss, calibration and genres of a RANKING snapshot; {@link RankingParams#NONE} otherwise. */
    private final RankingParams ranking;
    /** A RANKING snapshot's re-ranker of its best candidates, or null. */
    private final DeepFmNet reranker;

    /** Takes ownership of the feature arrays and the item rows, as they are too large to copy. */
    FmSnapshot(FmTask task, int k, float w0, float minTarget, float maxTarget, FoldInPrior prior,
               FeatureSpace features, float[] featureW, float[] featureV, SnapshotItems items, RankingParams ranking) {
        if ((task == FmTask.RANKING) != ranking.isRanking()) {
            throw new IllegalArgumentException("a RANKING snapshot, and only one, carries its implicit prior and weight");
        }
        this.task = task;
        this.k = k;
        this.w0 = w0;
        this.minTarget = minTarget;
        this.maxTarget = maxTarget;
        this.prior = prior;
        this.features = features.copy();
        this.featureW = featureW;
        this.featureV = featureV;
        this.items = items;
        this.ranking = ranking;
        this.reranker = null;
    }

    private FmSnapshot(FmSnapshot base, DeepFmNet reranker) {
        this.task = base.task;
        this.k = base.k;
        this.w0 = base.w0;
        this.minTarget = base.minTarget;
        this.maxTarget = base.maxTarget;
        this.prior = base.prior;
        this.features = base.features;
        this.featureW = base.featureW;
        this.featureV = base.featureV;
        this.items = base.items;
        this.ranking = base.ranking;
        this.reranker = reranker;
    }

    /**
     * This ranking snapshot with a re-ranker: lists then take the snapshot's best
     * {@link DeepFmNet#candidates} items and order them by the network ({@link FmItemScorer#topK}).
     * The network must know the snapshot's items in the snapshot's order, since it reads candidates by row.
     */
    public FmSnapshot withReranker(DeepFmNet net) {
        if (task != FmTask.RANKING) {
            throw new IllegalArgumentException("only a RANKING snapshot re-ranks its candidates");
        }
        items.requireSameItems(net);
        return new FmSnapshot(this, net);
    }

    /** The re-ranker of this snapshot's lists, or null when lists are in retrieval order. */
    public DeepFmNet reranker() {
        return reranker;
    }

    /**
     * Exports the item and feature side of {@code model}: every item of {@code items} (dense
     * index order) is encoded with {@code encoder} to compute b_i and q_i; every feature except
     * user ids keeps its w and v. An item's raters (the RATERS group, user ids on the item side)
     * count only through b_i and q_i, so they are not kept either and the snapshot does not grow
     * with the user base. When the model carries sampled item-side constants (MCMC,
     * {@link FmModel#withItemSideBias}) b_i is that average rather than the expression of the
     * posterior means.
     */
    public static FmSnapshot export(FmModel model, FmEncoder encoder, IdIndex items) {
        return FmModelExport.export(model, encoder, items);
    }

    /**
     * An implicit ranking model as a snapshot: item vectors only (no biases, no user-side
     * features), with the loss weighting serving needs to fold a user in exactly as the trainer
     * solved its users ({@link ImplicitAlsModel}). The rating range records the data's scale.
     *
     * @param calibration how strongly served lists are calibrated to each user's genre mix
     *                    ({@link io.reelfm.core.rank.CalibratedReranker}); 0 = the model's own list
     * @param genres      the items' genres as the trainer saw them, carried so serving calibrates from
     *                    the same ones without a catalogue lookup per candidate; null for none
     */
    public static FmSnapshot ranking(ImplicitAlsModel model, IdIndex items, double calibration, GenreSource genres) {
        return AlsModelExport.export(model, items, calibration, genres);
    }

    /**
     * The attribute model ({@link io.reelfm.core.rank.AttributeAlsModel}) as a ranking snapshot: its
     * item vectors (attribute embeddings summed in) as above, plus its profile embeddings as PROFILE
     * features, so serving folds a user in with the ridge centred on their profile's embedding sum,
     * exactly as the trainer solved its users.
     */
    public static FmSnapshot ranking(io.reelfm.core.rank.AttributeAlsModel model, IdIndex items, double calibration,
                                     GenreSource genres) {
        return AlsModelExport.export(model, items, calibration, genres);
    }

    /** The genres a RANKING snapshot carries (ids 0..count-1 per item); none for rating models. */
    public GenreSource genres() {
        return ranking.genres();
    }

    /** A RANKING snapshot's calibration strength of served lists; 0 for rating models. */
    public double calibration() {
        return ranking.calibration();
    }

    /** The implicit loss a RANKING snapshot folds users in under; null for rating models. */
    public ImplicitPrior implicitPrior() {
        return ranking.implicitPrior();
    }

    /** How a RANKING snapshot weighs one rating as an interaction; null for rating models. */
    public InteractionWeight interactionWeight() {
        return ranking.interactionWeight();
    }

    public FmTask task() {
        return task;
    }

    public int k() {
        return k;
    }

    public float globalBias() {
        return w0;
    }

    public float minTarget() {
        return minTarget;
    }

    public float maxTarget() {
        return maxTarget;
    }

    public FoldInPrior prior() {
        return prior;
    }

    public int items() {
        return items.size();
    }

    public String itemId(int item) {
        return items.id(item);
    }

    public float itemBias(int item) {
        return items.bias(item);
    }

    /**
     * The item-id feature's own factor vector. Only an exported snapshot has it: the published
     * form ({@link FmSnapshotCodec}) leaves it out because scoring needs only b_i and q_i.
     *
     * @throws IllegalStateException when the snapshot was decoded from its published form
     */
    public float[] itemFactor(int item) {
        return items.factor(item);
    }

    public float[] retrievalVector(int item) {
        return items.retrievalVector(item);
    }

    /** A copy of the exported features (no user ids). */
    public FeatureSpace features() {
        return features.copy();
    }

    /** Column of a kept feature, or -1. */
    public int feature(FeatureGroup group, String name) {
        return features.find(group, name);
    }

    public float featureWeight(int feature) {
        return featureW[feature];
    }

    public float featureFactor(int feature, int f) {
        return featureV[feature * k + f];
    }

    /** The internal array, shared within this package and never modified. */
    float[] itemBiasArray() {
        return items.biasArray();
    }

    /** The internal row-major array, shared within this package and never modified. */
    float[] retrievalArray() {
        return items.retrievalArray();
    }

    /**
     * Posterior variance of each coordinate of q_i (features assumed independent; zeros for
     * point-estimate models). Fold-in adds it to the normal equations: the expected squared error
     * over uncertain item vectors is {@code (y - z.theta)^2 + sum_f var_f theta_f^2}, so a user is
     * not fitted to item factors more precisely than the trainer knew them.
     */
    public float[] retrievalVariance(int item) {
        return items.retrievalVariance(item);
    }

    /** The internal array, shared within this package and never modified; null for point-estimate models. */
    float[] retrievalVarianceArray() {
        return items.varianceArray();
    }
}
