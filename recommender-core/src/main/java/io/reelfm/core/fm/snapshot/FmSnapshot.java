package io.reelfm.core.fm.snapshot;

import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.fm.SparseVector;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.rank.InteractionWeight;

import java.util.ArrayList;
import java.util.List;

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
    private final String[] itemIds;
    private final float[] itemBias;
    private final float[] itemFactor;
    private final float[] retrieval;
    private final float[] retrievalVariance;
    /** The implicit loss of a RANKING snapshot, null otherwise. */
    private final ImplicitPrior implicitPrior;
    private final InteractionWeight interactionWeight;
    private final double calibration;
    /** A RANKING snapshot's item genres as small ids (for calibrated lists); empty otherwise. */
    private final int[][] itemGenres;
    private final int genreCount;
    /** A RANKING snapshot's re-ranker of its best candidates, or null. */
    private final DeepFmNet reranker;

    /**
     * Takes ownership of the arrays (callers build them fresh and never touch them again): at a
     * million items each is hundreds of megabytes, too much to copy. A variance array of zeros is
     * dropped, as point-estimate models have none.
     */
    FmSnapshot(FmTask task, int k, float w0, float minTarget, float maxTarget, FoldInPrior prior,
               FeatureSpace features, float[] featureW, float[] featureV, String[] itemIds, float[] itemBias,
               float[] itemFactor, float[] retrieval, float[] retrievalVariance) {
        this(task, k, w0, minTarget, maxTarget, prior, features, featureW, featureV, itemIds, itemBias, itemFactor,
                retrieval, retrievalVariance, null, null, 0, new int[0][], 0);
    }

    FmSnapshot(FmTask task, int k, float w0, float minTarget, float maxTarget, FoldInPrior prior,
               FeatureSpace features, float[] featureW, float[] featureV, String[] itemIds, float[] itemBias,
               float[] itemFactor, float[] retrieval, float[] retrievalVariance, ImplicitPrior implicitPrior,
               InteractionWeight interactionWeight, double calibration, int[][] itemGenres, int genreCount) {
        if (!(calibration >= 0 && calibration < 1)) {
            throw new IllegalArgumentException("calibration must be in [0, 1), got " + calibration);
        }
        if (itemGenres.length != 0 && itemGenres.length != itemIds.length) {
            throw new IllegalArgumentException("item genres for " + itemGenres.length + " of " + itemIds.length + " items");
        }
        for (int[] g : itemGenres) {
            for (int x : g) {
                if (x < 0 || x >= genreCount) {
                    throw new IllegalArgumentException("genre id " + x + " outside 0.." + (genreCount - 1));
                }
            }
        }
        this.calibration = calibration;
        this.itemGenres = itemGenres;
        this.genreCount = genreCount;
        this.reranker = null;
        if ((task == FmTask.RANKING) != (implicitPrior != null && interactionWeight != null)) {
            throw new IllegalArgumentException("a RANKING snapshot, and only one, carries its implicit prior and weight");
        }
        this.implicitPrior = implicitPrior;
        this.interactionWeight = interactionWeight;
        this.task = task;
        this.k = k;
        this.w0 = w0;
        this.minTarget = minTarget;
        this.maxTarget = maxTarget;
        this.prior = prior;
        this.features = features.copy();
        this.featureW = featureW;
        this.featureV = featureV;
        this.itemIds = itemIds;
        this.itemBias = itemBias;
        this.itemFactor = itemFactor;
        this.retrieval = retrieval;
        this.retrievalVariance = retrievalVariance == null || allZero(retrievalVariance) ? null : retrievalVariance;
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
        this.itemIds = base.itemIds;
        this.itemBias = base.itemBias;
        this.itemFactor = base.itemFactor;
        this.retrieval = base.retrieval;
        this.retrievalVariance = base.retrievalVariance;
        this.implicitPrior = base.implicitPrior;
        this.interactionWeight = base.interactionWeight;
        this.calibration = base.calibration;
        this.itemGenres = base.itemGenres;
        this.genreCount = base.genreCount;
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
        if (net.features().items() != itemIds.length) {
            throw new IllegalArgumentException("re-ranker knows " + net.features().items() + " items, snapshot "
                    + itemIds.length);
        }
        for (int i = 0; i < itemIds.length; i++) {
            if (!itemIds[i].equals(net.features().itemId(i))) {
                throw new IllegalArgumentException("re-ranker's item " + i + " is " + net.features().itemId(i)
                        + ", the snapshot's " + itemIds[i]);
            }
        }
        return new FmSnapshot(this, net);
    }

    /** The re-ranker of this snapshot's lists, or null when lists are in retrieval order. */
    public DeepFmNet reranker() {
        return reranker;
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
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
        int k = model.k();
        FeatureSpace space = encoder.space();
        FeatureSpace kept = new FeatureSpace();
        List<Float> w = new ArrayList<>();
        float[] tmp = new float[k];
        float[] vBuf = new float[space.size() * k];
        for (int j = 0; j < space.size(); j++) {
            if (space.group(j) == FeatureGroup.USER || space.group(j) == FeatureGroup.RATERS) {
                continue;
            }
            int at = kept.indexOf(space.group(j), space.name(j));
            w.add(model.weight(j));
            model.factors(j, tmp);
            System.arraycopy(tmp, 0, vBuf, at * k, k);
        }
        float[] fw = new float[w.size()];
        for (int j = 0; j < fw.length; j++) {
            fw[j] = w.get(j);
        }
        float[] fv = java.util.Arrays.copyOf(vBuf, fw.length * k);
        int n = items.size();
        String[] ids = new String[n];
        float[] bias = new float[n];
        float[] factor = new float[n * k];
        float[] q = new float[n * k];
        float[] qVar = new float[n * k];
        for (int i = 0; i < n; i++) {
            ids[i] = items.id(i);
            SparseVector x = encoder.item(ids[i]);
            bias[i] = (float) sideTerms(model, x, q, i * k);
            int idFeature = space.find(FeatureGroup.ITEM, ids[i]);
            float sampled = model.itemSideBias(idFeature);
            if (!Float.isNaN(sampled)) {
                bias[i] = sampled;
            }
            for (int p = 0; p < x.nnz(); p++) {
                double xx = (double) x.values()[p] * x.values()[p];
                for (int f = 0; f < k; f++) {
                    qVar[i * k + f] += (float) (xx * model.factorVariance(x.indices()[p], f));
                }
            }
            model.factors(idFeature, tmp);
            System.arraycopy(tmp, 0, factor, i * k, k);
        }
        return new FmSnapshot(model.task(), k, model.globalBias(), model.minTarget(), model.maxTarget(),
                model.foldInPrior(), kept, fw, fv, ids, bias, factor, q, qVar);
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
        int k = model.k();
        int n = model.items();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = items.id(i);
        }
        float[] factors = model.itemFactors();
        InteractionWeight w = model.config().weight();
        return new FmSnapshot(FmTask.RANKING, k, 0f, w.min(), w.max(), FoldInPrior.ridge(0f, (float) model.config().prior().reg(), k),
                new FeatureSpace(), new float[0], new float[0], ids, new float[n], factors, factors.clone(), null,
                model.config().prior(), w, calibration, genreTable(genres, n), genres == null ? 0 : genres.count());
    }

    private static int[][] genreTable(GenreSource genres, int n) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = genres == null ? new int[0] : genres.of(i).clone();
        }
        return out;
    }

    /** The genres a RANKING snapshot carries (ids 0..count-1 per item); none for rating models. */
    public GenreSource genres() {
        return new GenreSource() {
            @Override
            public int count() {
                return genreCount;
            }

            @Override
            public int[] of(int item) {
                return item >= 0 && item < itemGenres.length ? itemGenres[item] : NO_GENRES;
            }
        };
    }

    private static final int[] NO_GENRES = new int[0];

    /** A RANKING snapshot's calibration strength of served lists; 0 for rating models. */
    public double calibration() {
        return calibration;
    }

    /** The implicit loss a RANKING snapshot folds users in under; null for rating models. */
    public ImplicitPrior implicitPrior() {
        return implicitPrior;
    }

    /** How a RANKING snapshot weighs one rating as an interaction; null for rating models. */
    public InteractionWeight interactionWeight() {
        return interactionWeight;
    }

    /**
     * {@code sum w_j x_j + 1/2 (|s|^2 - sum |v_j x_j|^2)} over one side's features, writing
     * {@code s = sum v_j x_j} into {@code sOut[off..off+k)}.
     */
    static double sideTerms(FmModel model, SparseVector x, float[] sOut, int off) {
        int k = model.k();
        double lin = 0;
        double sq = 0;
        double[] s = new double[k];
        for (int p = 0; p < x.nnz(); p++) {
            int j = x.indices()[p];
            double xv = x.values()[p];
            lin += model.weight(j) * xv;
            for (int f = 0; f < k; f++) {
                double vx = model.factor(j, f) * xv;
                s[f] += vx;
                sq += vx * vx;
            }
        }
        double pair = 0;
        for (int f = 0; f < k; f++) {
            pair += s[f] * s[f];
            sOut[off + f] = (float) s[f];
        }
        return lin + 0.5 * (pair - sq);
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
        return itemIds.length;
    }

    public String itemId(int item) {
        return itemIds[item];
    }

    public float itemBias(int item) {
        return itemBias[item];
    }

    /**
     * The item-id feature's own factor vector. Only an exported snapshot has it: the published
     * form ({@link FmSnapshotCodec}) leaves it out because scoring needs only b_i and q_i.
     *
     * @throws IllegalStateException when the snapshot was decoded from its published form
     */
    public float[] itemFactor(int item) {
        if (itemFactor == null) {
            throw new IllegalStateException("item-id factors are not carried by a decoded snapshot");
        }
        return java.util.Arrays.copyOfRange(itemFactor, item * k, item * k + k);
    }

    public float[] retrievalVector(int item) {
        return java.util.Arrays.copyOfRange(retrieval, item * k, item * k + k);
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
        return itemBias;
    }

    /** The internal row-major array, shared within this package and never modified. */
    float[] retrievalArray() {
        return retrieval;
    }

    /**
     * Posterior variance of each coordinate of q_i (features assumed independent; zeros for
     * point-estimate models). Fold-in adds it to the normal equations: the expected squared error
     * over uncertain item vectors is {@code (y - z.theta)^2 + sum_f var_f theta_f^2}, so a user is
     * not fitted to item factors more precisely than the trainer knew them.
     */
    public float[] retrievalVariance(int item) {
        return retrievalVariance == null ? new float[k]
                : java.util.Arrays.copyOfRange(retrievalVariance, item * k, item * k + k);
    }

    /** The internal array, shared within this package and never modified; null for point-estimate models. */
    float[] retrievalVarianceArray() {
        return retrievalVariance;
    }

    float[] itemFactorArray() {
        return itemFactor == null ? null : itemFactor.clone();
    }

    float[] featureWArray() {
        return featureW.clone();
    }

    float[] featureVArray() {
        return featureV.clone();
    }

    String[] itemIdArray() {
        return itemIds.clone();
    }
}
