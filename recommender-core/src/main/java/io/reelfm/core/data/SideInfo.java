package io.reelfm.core.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item and user attributes keyed by external id, the side information factorization machines
 * turn into features (genres, release year, age, gender, occupation). Kept apart from the
 * ratings so a stream can add a profile later without touching any rating column.
 * Not thread-safe while it is filled; read-only afterwards.
 */
public final class SideInfo {

    private final Map<String, ItemAttributes> items = new HashMap<>();
    private final Map<String, UserAttributes> users = new HashMap<>();

    /** No attributes at all: every feature group that needs them stays empty. */
    public static SideInfo empty() {
        return new SideInfo();
    }

    /** Sets (or replaces) an item's attributes. */
    public void putItem(String itemId, ItemAttributes attributes) {
        items.put(itemId, attributes);
    }

    /** Sets (or replaces) a user's profile. */
    public void putUser(String userId, UserAttributes attributes) {
        users.put(userId, attributes);
    }

    /** An item's genres; null when the catalogue does not know the item. */
    public List<String> genres(String itemId) {
        ItemAttributes m = item(itemId);
        return m == null ? null : m.genres();
    }

    /** The item's attributes, or null when unknown. */
    public ItemAttributes item(String itemId) {
        return items.get(itemId);
    }

    /** The user's profile, or null when unknown. */
    public UserAttributes user(String userId) {
        return users.get(userId);
    }
}
