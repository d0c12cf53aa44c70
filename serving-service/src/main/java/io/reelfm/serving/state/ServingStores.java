package io.reelfm.serving.state;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.UserHistory;

/**
 * Read access to the serving stores. Global stores hold every item on every instance; the user
 * history store holds only the users whose partitions this instance owns. Any method may throw
 * {@code InvalidStateStoreException} while stores are restoring or a rebalance moves them, which
 * the HTTP layer answers with 503 and {@code Retry-After}.
 */
public interface ServingStores {

    ReadOnlyKeyValueStore<String, Movie> movies();

    ReadOnlyKeyValueStore<String, ItemStats> itemStats();

    /**
     * The user's ratings from the local active copy of the user's partition; null when the user
     * has none. Throws {@code InvalidStateStoreException} when that partition is not active
     * here, so a user can never look unknown merely because their state lives elsewhere.
     */
    UserHistory userHistory(String userId);

    /**
     * The user's profile (age, gender, occupation) from the local active copy of the user's
     * partition; null when the users topic has none. Throws like {@link #userHistory}.
     */
    UserProfile userProfile(String userId);
}
