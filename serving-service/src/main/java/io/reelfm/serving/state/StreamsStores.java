package io.reelfm.serving.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.StoreNames;
import io.reelfm.serving.topology.UserHistory;

/**
 * {@link ServingStores} over a running {@link KafkaStreams} instance and the host it advertises,
 * set once the instance exists (the HTTP server starts first so that its bound port can be advertised). Only active
 * (not standby) copies of user state are queried, so an answer is never stale.
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

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    @Override
    public ReadOnlyKeyValueStore<String, Movie> movies() {
        return store(StoreNames.MOVIES);
    }

    @Override
    public ReadOnlyKeyValueStore<String, ItemStats> itemStats() {
        return store(StoreNames.ITEM_STATS);
    }

    @Override
    public UserHistory userHistory(String userId) {
        return userStore(StoreNames.USER_HISTORY, userId);
    }

    @Override
    public UserProfile userProfile(String userId) {
        return userStore(StoreNames.USER_PROFILES, userId);
    }

    private <V> V userStore(String storeName, String userId) {
        KafkaStreams s = streams();
        KeyQueryMetadata md = s.queryMetadataForKey(storeName, userId, Serdes.String().serializer());
        if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
            throw new InvalidStateStoreException("partition of user " + userId + " is not known yet (rebalancing)");
        }
        ReadOnlyKeyValueStore<String, V> store = s.store(StoreQueryParameters
                .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(md.partition()));
        return store.get(userId);
    }
}
