package io.reelfm.core.fm;

/**
 * The feature groups an FM example is built from. Each group has its own regularisation and,
 * under MCMC, its own hyperpriors, because a user-id weight and a genre weight live on very
 * different scales. The side decides the retrieval decomposition: user-side features form the
 * query context, item-side features the catalogue rows.
 */
public enum FeatureGroup {
    USER(Side.USER),
    ITEM(Side.ITEM),
    GENRES(Side.ITEM),
    YEAR(Side.ITEM),
    PROFILE(Side.USER),
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

    FeatureGroup(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }
}
