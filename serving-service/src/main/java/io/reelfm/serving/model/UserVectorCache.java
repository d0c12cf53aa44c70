package io.reelfm.serving.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.topology.UserHistory;

/**
 * Folded-in user vectors, cached per user for one model version, one state of the user's
 * history and one profile. A new rating changes the history's {@link UserHistory#stamp()}, a new
 * model version changes the version and a profile update changes the profile, so any of them
 * invalidates the entry on the next request: the cache can never serve a vector that ignores the
 * user's latest rating. Bounded (least recently used
 * entries go first); thread-safe.
 */
public final class UserVectorCache {

    private final int capacity;
    private final Map<String, Entry> entries;

    private final java.util.function.LongConsumer foldInNanos;

    public UserVectorCache(int capacity) {
        this(capacity, nanos -> { });
    }

    /** @param foldInNanos told how long each fold-in (a cache miss) took */
    public UserVectorCache(int capacity, java.util.function.LongConsumer foldInNanos) {
        this.capacity = capacity;
        this.foldInNanos = foldInNanos;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > UserVectorCache.this.capacity;
            }
        };
    }

    /** The user's vector under {@code model}, folded in now unless a matching one is cached. */
    public UserVector vector(String userId, FactorModel model, UserHistory history, UserProfile profile) {
        String key = model.name() + '\u0000' + userId;
        long stamp = history.stamp();
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.version == model.version() && e.stamp == stamp && Objects.equals(e.profile, profile)) {
                return e.vector;
            }
        }
        long start = System.nanoTime();
        UserVector v = model.foldIn(profile, history.entries());
        foldInNanos.accept(System.nanoTime() - start);
        synchronized (entries) {
            entries.put(key, new Entry(model.version(), stamp, profile, v));
        }
        return v;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Entry(long version, long stamp, UserProfile profile, UserVector vector) {
    }
}
