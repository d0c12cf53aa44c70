package io.reelfm.core.fm;

/**
 * The feature groups an FM example is built from. Each group has its own regularisation, because
 * a user-id weight and a genre weight live on very different scales. The side decides the
 * retrieval decomposition: user-side features form the query context, item-side features the
 * catalogue rows.
 *
 * <p>Under MCMC the hyperprior (prior mean and precision, per factor) is sampled per
 * {@link #priorGroup()}: the few attribute features of a user (profile) or an item (genres,
 * release decade) share the hyperprior of the ids they describe, while the implicit-feedback
 * groups keep their own. A group of 2 to 30 features gives a noisy precision estimate on its
 * own; pooled with the ids it is drawn from the whole side. On MovieLens 100K u1 (k=32, genres +
 * profile, 200 samples, three seeds) this moved test RMSE from 0.8989–0.8999 to 0.8971–0.8979.
 */
public enum FeatureGroup {
    USER(Side.USER),
    ITEM(Side.ITEM),
    GENRES(Side.ITEM, ITEM),
    YEAR(Side.ITEM, ITEM),
    PROFILE(Side.USER, USER),
    IMPLICIT(Side.USER),
    /**
     * Item-side implicit feedback, SVD++ flipped: the users who rated the item in the training
     * data, each of value {@code 1/sqrt(|N(i)|)}. Being item-side it folds into the item's bias
     * and retrieval vector at export, so serving needs none of these features.
     */
    RATERS(Side.ITEM);

    /** Which half of the (user context, item) split a group belongs to. */
    public enum Side { USER, ITEM }

    private final Side side;
    private final FeatureGroup prior;

    FeatureGroup(Side side) {
        this.side = side;
        this.prior = null;
    }

    FeatureGroup(Side side, FeatureGroup prior) {
        this.side = side;
        this.prior = prior;
    }

    /** The group whose MCMC hyperprior this group's parameters are drawn under: itself or the ids it describes. */
    public FeatureGroup priorGroup() {
        return prior == null ? this : prior;
    }

    public Side side() {
        return side;
    }
}
