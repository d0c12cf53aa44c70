package io.reelfm.core.data;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.movielens.MovieLens100k;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Item and user attributes keyed by external id, the side information factorization machines
 * turn into features (genres, release year, age, gender, occupation). Kept apart from the
 * ratings so a stream can add a profile later without touching any rating column.
 * Not thread-safe while it is filled; read-only afterwards.
 */
public final class SideInfo {

    private final Map<String, MovieRow> items = new HashMap<>();
    private final Map<String, UserRow> users = new HashMap<>();

    /** No attributes at all: every feature group that needs them stays empty. */
    public static SideInfo empty() {
        return new SideInfo();
    }

    /** Reads {@code u.item} and {@code u.user} of a MovieLens 100K directory; a bad line is an error. */
    public static SideInfo readMl100k(Path dir) {
        SideInfo info = new SideInfo();
        Consumer<BadLine> fail = bad -> {
            throw new IllegalArgumentException("bad line in MovieLens data: " + bad);
        };
        MovieLens100k.readMovies(dir.resolve("u.item"), info::putItem, fail);
        MovieLens100k.readUsers(dir.resolve("u.user"), info::putUser, fail);
        return info;
    }

    public void putItem(MovieRow row) {
        items.put(row.itemId(), row);
    }

    public void putUser(UserRow row) {
        users.put(row.userId(), row);
    }

    /** An item's genres; null when the catalogue does not know the item. */
    public java.util.List<String> genres(String itemId) {
        MovieRow m = item(itemId);
        return m == null ? null : m.genres();
    }

    /** The item's attributes, or null when unknown. */
    public MovieRow item(String itemId) {
        return items.get(itemId);
    }

    /** The user's profile, or null when unknown. */
    public UserRow user(String userId) {
        return users.get(userId);
    }
}
