package io.reelfm.core.rank;

import java.util.function.IntPredicate;

/**
 * A factorization machine restricted to user-side x item-side interactions, trained for ranking
 * under iALS's weighted implicit loss ({@link ImplicitPrior}). A user's vector is
 * {@code w_u = x_u + sum_{b in B(u)} g_b} (id part plus the embeddings of their profile fields),
 * an item's {@code h_i = v_i + sum_{a in A(i)} e_a} (id part plus genres and decade), and the
 * score is {@code <w_u, h_i>}. The loss is iALS's with the ridge on the id parts only,
 * {@code ridge_u |w_u - m_u|^2} with the prior mean {@code m_u = sum_b g_b} (items alike), plus
 * {@code lambdaE |g|^2} on every attribute embedding.
 *
 * <p>Why: iALS gives an item nobody has interacted with a zero vector, so it cannot rank new
 * films or serve a user with only a profile. Here an item without interactions gets (about) the
 * sum of its attributes' embeddings, learnt from the items that share them, and a user with no
 * ratings their profile's. With no attributes the model is exactly {@link ImplicitAls}.
 *
 * <p>Training is exact alternating (block-coordinate) minimisation of that one loss; each
 * sweep (1) solves every user row w against the items with its ridge centred on m_u
 * ({@link RowSweep}, the iALS row solve with {@code ridge m_u} added to its right-hand side),
 * (2) fits the user attribute embeddings to the rows ({@link AttributeEmbeddings}), (3) and (4)
 * the same for items. The rows are parametrised by their full vectors w and h, so the id part is
 * {@code w - m}. A last exact pass solves the users as a fold-in would ({@link ImplicitFoldIn} with
 * the profile's prior mean).
 *
 * <p>{@code lambdaE} is measured in the ridge of a row with no interactions on the other side
 * ({@code reg (a0 n_other)^nu}), times a strength s: at s = 1 an embedding is shrunk as if one
 * more row, at the origin, carried the attribute (an attribute of one row gets half that row's
 * vector, one shared by hundreds almost their full weighted mean). The unit scales with reg and
 * a0 as the tuner moves them, so only s is searched beyond the iALS settings
 * ({@link RankingTuner#attributeStrength}); a large s shrinks every embedding toward zero and the
 * model toward plain iALS.
 */
public final class AttributeAls {

    /** Gauss–Seidel passes of each attribute step: a row carries few attributes, so two reach near the block optimum. */
    static final int PASSES = 2;

    private final ImplicitAlsConfig config;
    private final double strength;

    /** At attribute strength 1, see {@link #AttributeAls(ImplicitAlsConfig, double)}. */
    public AttributeAls(ImplicitAlsConfig config) {
        this(config, 1);
    }

    /** @param strength s, the attribute ridge in units of an interaction-free row's ridge (&gt; 0) */
    public AttributeAls(ImplicitAlsConfig config, double strength) {
        if (!(strength > 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("strength must be > 0, got " + strength);
        }
        this.config = config;
        this.strength = strength;
    }

    public ImplicitAlsConfig config() {
        return config;
    }

    public AttributeAlsModel train(Interactions data, AttributeRows userAttributes, AttributeRows itemAttributes) {
        return train(data, userAttributes, itemAttributes, ImplicitAls.SweepListener.NONE, null);
    }

    /**
     * @param userAttributes one row per user of {@code data}
     * @param itemAttributes one row per item of {@code data}
     * @param exactUsers     the users given the last exact pass, as in {@link ImplicitAls#train(Interactions,
     *                       ImplicitAls.SweepListener, IntPredicate)}; null for all
     */
    public AttributeAlsModel train(Interactions data, AttributeRows userAttributes, AttributeRows itemAttributes,
                                   ImplicitAls.SweepListener listener, IntPredicate exactUsers) {
        int users = data.users();
        int items = data.items();
        if (userAttributes.rows() != users || itemAttributes.rows() != items) {
            throw new IllegalArgumentException("attributes cover " + userAttributes.rows() + " users and "
                    + itemAttributes.rows() + " items, the interactions " + users + " and " + items);
        }
        int k = config.factors();
        ImplicitPrior prior = config.prior();
        float[][] init = ImplicitAls.initialFactors(config, users, items);
        float[] u = init[0];
        float[] v = init[1];
        Interactions.Side byUser = data.side(true);
        Interactions.Side byItem = data.side(false);
        AttributeEmbeddings userEmbeddings = new AttributeEmbeddings(userAttributes, k);
        AttributeEmbeddings itemEmbeddings = new AttributeEmbeddings(itemAttributes, k);
        double[] userRidges = ridges(byUser, items, prior);
        double[] itemRidges = ridges(byItem, users, prior);
        double userLambda = strength * prior.ridge(0, items);
        double itemLambda = strength * prior.ridge(0, users);
        for (int sweep = 1; sweep <= config.iterations(); sweep++) {
            RowSweep.update(byUser, u, v, items, k, prior, config.cgSteps(), userEmbeddings.means());
            userEmbeddings.fit(u, userRidges, userLambda, PASSES);
            RowSweep.update(byItem, v, u, users, k, prior, config.cgSteps(), itemEmbeddings.means());
            itemEmbeddings.fit(v, itemRidges, itemLambda, PASSES);
            listener.sweepDone(sweep);
        }
        double[] itemGram = ImplicitFoldIn.gram(v, items, k);
        ImplicitAls.exactUserPass(byUser, u, v, items, k, prior, itemGram, exactUsers, userEmbeddings.means());
        return new AttributeAlsModel(new ImplicitAlsModel(config, u, v, users, items, itemGram), userAttributes,
                userEmbeddings.embeddings());
    }

    /** Each row's ridge, its weight in the attribute regression. */
    private static double[] ridges(Interactions.Side side, int otherRows, ImplicitPrior prior) {
        double[] out = new double[side.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = prior.ridge(side.count(r), otherRows);
        }
        return out;
    }
}
