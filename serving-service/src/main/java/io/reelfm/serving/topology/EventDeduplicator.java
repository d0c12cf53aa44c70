package io.reelfm.serving.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.reelfm.schemas.RatingEvent;

/**
 * Drops a rating whose event id was already seen, before any statistic counts it: a client's
 * retry, a producer's duplicate or a second replay of the same data then changes no count,
 * mean, trend or experiment figure. Ratings are keyed by user, so repeats of an event land in
 * the same partition and one task sees them all.
 *
 * <p>Memory is bounded: each partition remembers its most recent {@code capacity} event ids in
 * two persistent (RocksDB, changelogged) stores, the ids themselves and their arrival order,
 * and forgets the oldest first. Its state survives restarts and moves with the partition.
 */
final class EventDeduplicator implements FixedKeyProcessor<String, RatingEvent, RatingEvent> {

    static final String IDS_STORE = "rating-event-ids";
    static final String ORDER_STORE = "rating-event-order";
    /** Keys of the order store below 0 hold its counters. */
    private static final long NEXT = -1;
    private static final long OLDEST = -2;

    private final long capacity;
    private FixedKeyProcessorContext<String, RatingEvent> context;
    private KeyValueStore<String, Long> ids;
    private KeyValueStore<Long, String> order;

    private EventDeduplicator(long capacity) {
        this.capacity = capacity;
    }

    /** The stream without repeated event ids; the key (user) and partitioning are unchanged. */
    static KStream<String, RatingEvent> apply(StreamsBuilder b, KStream<String, RatingEvent> ratings, long capacity) {
        // Cached: the order store's two counters are rewritten on every rating, and the cache folds
        // those writes within a commit into one each (to the store and to the changelog).
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IDS_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_STORE), Serdes.Long(), Serdes.String())
                .withCachingEnabled());
        return ratings.processValues(() -> new EventDeduplicator(capacity), IDS_STORE, ORDER_STORE);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RatingEvent> context) {
        this.context = context;
        this.ids = context.getStateStore(IDS_STORE);
        this.order = context.getStateStore(ORDER_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, RatingEvent> record) {
        String id = record.value().getEventId();
        if (id == null || id.isEmpty()) {
            context.forward(record);
            return;
        }
        if (ids.get(id) != null) {
            return;
        }
        long next = counter(NEXT);
        ids.put(id, next);
        order.put(next, id);
        order.put(NEXT, String.valueOf(next + 1));
        long oldest = counter(OLDEST);
        while (next + 1 - oldest > capacity) {
            String forgotten = order.delete(oldest);
            if (forgotten != null) {
                ids.delete(forgotten);
            }
            oldest++;
        }
        order.put(OLDEST, String.valueOf(oldest));
        context.forward(record);
    }

    private long counter(long key) {
        String v = order.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }
}
