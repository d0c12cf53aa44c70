package io.reelfm.serving.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.topology.UserHistory;

/**
 * Folded-in user vectors, cached per user for one model version, one state of the user's
 * history and one profile. A new rating changes the history's {@link UserHistory#stamp()}, a new
 * model version changes the version and a profile update changes the profile, so any of them
 * invalidates the entry on the next request: the cache can never serve a vector that ignores the
 * user's latest rating. Bounded: each model keeps at most {@code capacity} users, in sets of
 * {@value #WAYS} where the least recently used goes first. Thread-safe.
 *
 * <p>Why flat arrays rather than one object per user: with more users than the capacity, random
 * traffic replaces entries all the time, and each entry was a graph of objects (key, map node,
 * vector, record) of about 700 bytes at k = 64 that lived for minutes, so every young collection
 * had more of them to copy between survivor spaces or promote, and a full cache held about 70 MB. Here
 * one model version's vectors live in arrays that grow as users arrive and are then only written
 * in place (k + 1 floats and a few fields per user: 30 MB for 100,000 users at k = 64, plus their ids); an entry
 * keeps no object of its own beyond the user's id (the profile is kept as a 64-bit fingerprint of
 * its fields). A hit hands out a copy.
 */
public final class UserVectorCache {

    /** Entries per set: a user can sit in any of these slots, the least recently used is replaced. */
    static final int WAYS = 4;
    /** Sets a model's arrays start with; they double whenever a user's set is full, until they hold the capacity. */
    private static final int INITIAL_SETS = 256;

    private final int capacity;
    private final Map<String, Slab> slabs = new ConcurrentHashMap<>();
    private final java.util.function.LongConsumer foldInNanos;

    /** @param capacity users kept per model; 0 folds every user in on every request */
    public UserVectorCache(int capacity) {
        this(capacity, nanos -> { });
    }

    /**
     * @param capacity    users kept per model; 0 folds every user in on every request
     * @param foldInNanos told how long each fold-in (a cache miss) took
     */
    public UserVectorCache(int capacity, java.util.function.LongConsumer foldInNanos) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.foldInNanos = foldInNanos;
    }

    /** The user's vector under {@code model}, folded in now unless a matching one is cached. */
    public UserVector vector(String userId, FactorModel model, UserHistory history, UserProfile profile) {
        long stamp = history.stamp();
        Slab slab = capacity == 0 ? null : slab(model);
        long print = fingerprint(profile);
        if (slab != null) {
            synchronized (slab) {
                UserVector cached = slab.get(userId, stamp, print);
                if (cached != null) {
                    return cached;
                }
            }
        }
        long start = System.nanoTime();
        UserVector v = model.foldIn(profile, history);
        foldInNanos.accept(System.nanoTime() - start);
        if (slab != null) {
            synchronized (slab) {
                slab.put(userId, stamp, print, v);
            }
        }
        return v;
    }

    /**
     * The profile's fields as a 64-bit hash (0 for no profile): equal profiles give equal
     * fingerprints and a changed profile a different one unless two 64-bit hashes collide, so the
     * cache need not keep the profile object. Every field of the record's schema is mixed in, so a
     * field added to the schema is covered without a change here. A multiply and an xor-shift per char.
     */
    static long fingerprint(UserProfile profile) {
        if (profile == null) {
            return 0L;
        }
        long h = 0x243F6A8885A308D3L;
        for (int i = 0; i < profile.getSchema().getFields().size(); i++) {
            Object value = profile.get(i);
            h = mix(h, value == null ? null : value.toString());
        }
        return h == 0L ? 1L : h;
    }

    private static long mix(long h, CharSequence text) {
        if (text == null) {
            return mix(h, -1L);
        }
        h = mix(h, text.length());
        for (int i = 0; i < text.length(); i++) {
            h = mix(h, text.charAt(i));
        }
        return h;
    }

    private static long mix(long h, long value) {
        h = (h ^ value) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** Users cached, over all models. */
    public int size() {
        int n = 0;
        for (Slab s : slabs.values()) {
            synchronized (s) {
                n += s.count;
            }
        }
        return n;
    }

    /** Slots allocated for {@code modelName}'s users (for tests); 0 when none. */
    int slots(String modelName) {
        Slab s = slabs.get(modelName);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            return s.keys.length;
        }
    }

    /**
     * The model's arrays, new (and the old ones dropped) when its version or shape changed. A
     * request takes no lock here unless the model changed.
     */
    private Slab slab(FactorModel model) {
        Slab s = slabs.get(model.name());
        if (s != null && s.holds(model)) {
            return s;
        }
        return slabs.compute(model.name(), (name, old) -> {
            if (old != null && old.holds(model)) {
                return old;
            }
            int maxSets = (capacity + WAYS - 1) / WAYS;
            return new Slab(model.version(), model.k(), Math.min(INITIAL_SETS, maxSets), maxSets);
        });
    }

    /** One model version's entries; guarded by its own monitor. */
    private static final class Slab {

        final long version;
        final int k;
        private final int maxSets;
        private int sets;
        private int count;
        private long clock;
        private String[] keys;
        private long[] stamps;
        private long[] used;
        private long[] profiles;
        private float[] queries;
        private float[] constants;
        private int[] ratingsUsed;
        private float[][] reranks;

        /** Whether these arrays are for this version and shape of the model. */
        boolean holds(FactorModel model) {
            return version == model.version() && k == model.k();
        }

        Slab(long version, int k, int sets, int maxSets) {
            this.version = version;
            this.k = k;
            this.maxSets = maxSets;
            allocate(sets);
        }

        private void allocate(int newSets) {
            int slots = newSets * WAYS;
            sets = newSets;
            count = 0;
            keys = new String[slots];
            stamps = new long[slots];
            used = new long[slots];
            profiles = new long[slots];
            queries = new float[slots * k];
            constants = new float[slots];
            ratingsUsed = new int[slots];
            reranks = new float[slots][];
        }

        private int firstSlot(String userId) {
            int h = userId.hashCode() * 0x9E3779B9;
            // the hash's high bits scaled to [0, sets): any number of sets, no division
            return (int) (((h & 0xFFFFFFFFL) * sets) >>> 32) * WAYS;
        }

        /** The user's slot, or -1. */
        private int slotOf(String userId) {
            int first = firstSlot(userId);
            for (int s = first; s < first + WAYS; s++) {
                if (userId.equals(keys[s])) {
                    return s;
                }
            }
            return -1;
        }

        UserVector get(String userId, long stamp, long profile) {
            int s = slotOf(userId);
            if (s < 0 || stamps[s] != stamp || profiles[s] != profile) {
                return null;
            }
            used[s] = ++clock;
            float[] query = new float[k];
            System.arraycopy(queries, s * k, query, 0, k);
            return new UserVector(query, constants[s], ratingsUsed[s], reranks[s]);
        }

        void put(String userId, long stamp, long profile, UserVector v) {
            int slot = slotOf(userId);
            while (slot < 0 && keys[firstSlot(userId) + WAYS - 1] != null && sets < maxSets) {
                // the user's set is full: evict only once the arrays have reached the capacity
                grow();
            }
            if (slot < 0) {
                slot = freeOrLeastRecent(firstSlot(userId));
                if (keys[slot] == null) {
                    count++;
                }
            }
            keys[slot] = userId;
            stamps[slot] = stamp;
            used[slot] = ++clock;
            profiles[slot] = profile;
            System.arraycopy(v.query(), 0, queries, slot * k, k);
            constants[slot] = v.constant();
            ratingsUsed[slot] = v.ratingsUsed();
            reranks[slot] = v.rerank();
        }

        /** The set's first empty slot, else its least recently used one. */
        private int freeOrLeastRecent(int first) {
            int slot = first;
            for (int s = first; s < first + WAYS; s++) {
                if (keys[s] == null) {
                    return s;
                }
                if (used[s] < used[slot]) {
                    slot = s;
                }
            }
            return slot;
        }

        /**
         * Twice the sets (at most the capacity's), every entry moved to its set there; should more
         * land in one set than it holds, the least recently used of them are dropped.
         */
        private void grow() {
            String[] oldKeys = keys;
            long[] oldStamps = stamps;
            long[] oldUsed = used;
            long[] oldProfiles = profiles;
            float[] oldQueries = queries;
            float[] oldConstants = constants;
            int[] oldRatingsUsed = ratingsUsed;
            float[][] oldReranks = reranks;
            allocate(Math.min(maxSets, sets * 2));
            for (int from = 0; from < oldKeys.length; from++) {
                if (oldKeys[from] == null) {
                    continue;
                }
                int to = freeOrLeastRecent(firstSlot(oldKeys[from]));
                if (keys[to] == null) {
                    count++;
                } else if (used[to] > oldUsed[from]) {
                    continue;
                }
                keys[to] = oldKeys[from];
                stamps[to] = oldStamps[from];
                used[to] = oldUsed[from];
                profiles[to] = oldProfiles[from];
                System.arraycopy(oldQueries, from * k, queries, to * k, k);
                constants[to] = oldConstants[from];
                ratingsUsed[to] = oldRatingsUsed[from];
                reranks[to] = oldReranks[from];
            }
        }
    }
}
