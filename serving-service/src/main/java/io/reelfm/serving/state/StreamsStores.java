package io.reelfm.serving.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.StoreNames;
import io.reelfm.serving.topology.UserHistory;
import io.reelfm.serving.topology.UserRatingsLayout;

/**
 * {@link ServingStores} over a running {@link KafkaStreams} instance and the host it advertises,
 * set once the instance exists (the HTTP server starts first so that its bound port can be advertised). Only active
 * (not standby) copies of user state are queried, so an answer is never stale, except inside
 * {@link #readingStale}, which the HTTP layer uses only when the owning instance cannot answer
 * and then marks the response as stale.
 */
public final class StreamsStores implements ServingStores {

    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    /** @param self the {@code application.server} this instance advertises */
    public void attach(KafkaStreams streams, HostInfo self) {
        this.self = self;
        this.streams = streams;
    }

    public HostInfo self() {
        HostInfo h = self;
        if (h == null) {
            throw new InvalidStateStoreException("Kafka Streams is not started yet");
        }
        return h;
    }

    public KafkaStreams streams() {
        KafkaStreams s = streams;
        if (s == null) {
            throw new InvalidStateStoreException("Kafka Streams is not started yet");
        }
        return s;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams s, String name) {
        return s.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    @Override
    public ReadOnlyKeyValueStore<String, Movie> movies() {
        return globals().movies();
    }

    @Override
    public ReadOnlyKeyValueStore<String, ItemStats> itemStats() {
        return globals().itemStats();
    }

    /**
     * The global stores' read handles, made once per running {@link KafkaStreams} instance rather
     * than once per read. {@code KafkaStreams#store} takes the instance's state lock, and a list
     * reads the catalogue once per title, so request threads queued on that lock whenever its
     * holder was descheduled. A handle stays safe to keep: each read checks that its store is
     * still open (and throws {@code InvalidStateStoreException} otherwise, as a fresh lookup
     * would); the instance's state, a plain field, is checked here on every call.
     */
    private GlobalHandles globals() {
        KafkaStreams s = streams();
        GlobalHandles g = globals;
        if (g != null && g.streams() == s && s.state().isRunningOrRebalancing()) {
            return g;
        }
        g = new GlobalHandles(s, store(s, StoreNames.MOVIES), store(s, StoreNames.ITEM_STATS));
        globals = g;
        return g;
    }

    private record GlobalHandles(KafkaStreams streams, ReadOnlyKeyValueStore<String, Movie> movies,
                                 ReadOnlyKeyValueStore<String, ItemStats> itemStats) {
    }

    private volatile GlobalHandles globals;

    @Override
    public UserHistory userHistory(String userId) {
        ReadOnlyKeyValueStore<Bytes, byte[]> ratings = userPartitionStore(StoreNames.USER_RATINGS, userId);
        if (ratings == null) {
            return null;
        }
        return UserRatingsLayout.read(ratings, userId, () -> userStore(StoreNames.USER_HISTORY, userId));
    }

    @Override
    public UserProfile userProfile(String userId) {
        return userStore(StoreNames.USER_PROFILES, userId);
    }

    /**
     * Runs {@code read} with user state read from any local copy, standby replicas included, for
     * the moments when the owning instance cannot answer (killed, not yet replaced). A user this
     * instance holds no copy of reads as unknown when {@code unknownIfAbsent}, else fails.
     */
    public <T> T readingStale(boolean unknownIfAbsent, java.util.function.Supplier<T> read) {
        ReadMode previous = MODE.get();
        MODE.set(unknownIfAbsent ? ReadMode.ANY_COPY_OR_NONE : ReadMode.ANY_COPY);
        try {
            return read.get();
        } finally {
            MODE.set(previous);
        }
    }

    /** Whether this instance holds a copy (active or standby) of the partition with this user's state. */
    public boolean hasLocalCopy(String userId) {
        try {
            staleStore(StoreNames.USER_RATINGS, partition(streams(), StoreNames.USER_RATINGS, userId));
            return true;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    private <V> V userStore(String storeName, String userId) {
        ReadOnlyKeyValueStore<String, V> store = userPartitionStore(storeName, userId);
        return store == null ? null : store.get(userId);
    }

    /** The store of the partition holding this user, as the thread's read mode allows; null for none allowed to be absent. */
    private <K, V> ReadOnlyKeyValueStore<K, V> userPartitionStore(String storeName, String userId) {
        KafkaStreams s = streams();
        int partition = partition(s, storeName, userId);
        ReadMode mode = MODE.get();
        if (mode == ReadMode.ACTIVE) {
            return s.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<K, V>keyValueStore())
                    .withPartition(partition));
        }
        try {
            return staleStore(storeName, partition);
        } catch (InvalidStateStoreException e) {
            if (mode == ReadMode.ANY_COPY_OR_NONE) {
                return null;
            }
            throw e;
        }
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> staleStore(String storeName, int partition) {
        return streams().store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<K, V>keyValueStore())
                .withPartition(partition).enableStaleStores());
    }

    /**
     * Where this user's state lives now: a fresh lookup (ownership moves with rebalances), whose
     * partition the following reads of the user's stores on this thread reuse.
     */
    public KeyQueryMetadata locate(String userId) {
        KafkaStreams s = streams();
        KeyQueryMetadata md = s.queryMetadataForKey(StoreNames.USER_RATINGS, userId, Serdes.String().serializer());
        if (md != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
            LAST_PARTITION.set(new UserPartition(s, userId, md.partition()));
        }
        return md;
    }

    /**
     * Every store of user state is keyed by userId and partitioned like the ratings topic, and a
     * key's partition never changes while the topic keeps its partition count, so a request reads
     * all of a user's stores after one metadata lookup, not one per store.
     */
    private static int partition(KafkaStreams s, String storeName, String userId) {
        UserPartition last = LAST_PARTITION.get();
        if (last != null && last.streams() == s && last.userId().equals(userId)) {
            return last.partition();
        }
        KeyQueryMetadata md = s.queryMetadataForKey(storeName, userId, Serdes.String().serializer());
        if (md != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
            LAST_PARTITION.set(new UserPartition(s, userId, md.partition()));
        }
        if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
            if (MODE.get() != ReadMode.ACTIVE) {
                // Mid-rebalance the metadata is withheld, but the partition of a key never changes.
                byte[] key = Serdes.String().serializer().serialize(Topics.RATINGS.name(), userId);
                return Utils.toPositive(Utils.murmur2(key)) % Topics.RATINGS.partitions();
            }
            throw new InvalidStateStoreException("partition of user " + userId + " is not known yet (rebalancing)");
        }
        return md.partition();
    }

    private enum ReadMode { ACTIVE, ANY_COPY, ANY_COPY_OR_NONE }

    private record UserPartition(KafkaStreams streams, String userId, int partition) {
    }

    private static final ThreadLocal<UserPartition> LAST_PARTITION = new ThreadLocal<>();

    private static final ThreadLocal<ReadMode> MODE = ThreadLocal.withInitial(() -> ReadMode.ACTIVE);
}
