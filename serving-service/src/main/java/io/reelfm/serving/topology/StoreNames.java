package io.reelfm.serving.topology;

/**
 * Names of the state stores the serving topology materialises, shared by the topology, the
 * query side and tests so that they cannot drift apart.
 */
public final class StoreNames {

    /** Global: catalogue, movie id to {@code Movie}. */
    public static final String MOVIES = "movies-store";
    /** Global: model chunks by {@code <model>/<version>/<index>}. */
    public static final String MODEL_CHUNKS = "model-chunks-store";
    /** Global: the active manifest per model name. */
    public static final String MODEL_ACTIVE = "model-active-store";
    /** Global: per-item counts, rating sums and trend buckets, broadcast from the partitioned aggregate. */
    public static final String ITEM_STATS = "item-stats-store";
    /** Partitioned by item: where item statistics are aggregated before being broadcast. */
    public static final String ITEM_STATS_LOCAL = "item-stats-by-item";
    /** Partitioned by user: each user's ratings, one record per user and item ({@link UserRatingsLayout}). */
    public static final String USER_RATINGS = "user-ratings";
    /**
     * Partitioned by user: each user's ratings as one value, as earlier versions stored them; its
     * histories are moved to {@link #USER_RATINGS} and it stays empty after that.
     */
    public static final String USER_HISTORY = "user-history";
    /** Partitioned by user: profiles from the users topic. */
    public static final String USER_PROFILES = "user-profiles";

    private StoreNames() {
    }
}
