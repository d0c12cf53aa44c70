package io.reelfm.serving.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingEvents;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;

/**
 * The serving topology as a pure function of its settings, so tests drive exactly what runs.
 *
 * <ul>
 *   <li>Global (every instance): the catalogue, model chunks, the active-model pointers (each
 *       decoded record by record, see {@link DecodingGlobalStore}) and the broadcast per-item
 *       statistics. Item-side reads never leave the instance.
 *   <li>Ratings first lose repeated event ids ({@link EventDeduplicator}), so no statistic
 *       below counts a retry or a second replay.
 *   <li>Partitioned by user id (the key of {@code ratings} and {@code users}): each user's
 *       history (one record per user and item, {@link UserRatingsLayout}) and profile, queried on
 *       the instance that owns the partition.
 *   <li>Popularity and trends: ratings are repartitioned by item id and aggregated per item (so
 *       each item's count is exact however many instances run), and every update is broadcast
 *       on the item-stats topic into a global store, so any instance ranks all items locally.
 * </ul>
 */
public final class ServingTopology {

    /** Name of the repartition step keyed by item, part of the internal topic name. */
    static final String BY_ITEM = "ratings-by-item";
    /** Event ids remembered per ratings partition unless configured otherwise. */
    public static final long DEFAULT_DEDUPE_CAPACITY = 2_000_000;

    private ServingTopology() {
    }

    /**
     * @param itemStatsTopic the broadcast topic of per-item statistics (created beforehand)
     * @param maxHistory     ratings kept per user
     */
    public static Topology build(String itemStatsTopic, int maxHistory) {
        return build(itemStatsTopic, maxHistory, DEFAULT_DEDUPE_CAPACITY);
    }

    /**
     * A further part of the topology fed by the deduplicated, usable ratings (the A/B
     * measurement, for one), added by whoever assembles the service, so this package need not
     * know its parts.
     */
    @FunctionalInterface
    public interface RatingsBranch {
        void add(StreamsBuilder builder, KStream<String, RatingEvent> ratings);
    }

    /**
     * @param dedupeCapacity event ids remembered per ratings partition to drop repeats
     *                       ({@link EventDeduplicator})
     * @param branches       further parts fed by the same ratings
     */
    public static Topology build(String itemStatsTopic, int maxHistory, long dedupeCapacity, RatingsBranch... branches) {
        return build(itemStatsTopic, maxHistory, dedupeCapacity, () -> { }, branches);
    }

    /**
     * @param catalogueChanged run after every write to the movies store, so readers that keep
     *                         decoded copies of catalogue entries know to drop them
     */
    public static Topology build(String itemStatsTopic, int maxHistory, long dedupeCapacity, Runnable catalogueChanged,
                                 RatingsBranch... branches) {
        StreamsBuilder b = new StreamsBuilder();
        DecodingGlobalStore.add(b, Topics.MOVIES, StoreNames.MOVIES, catalogueChanged);
        DecodingGlobalStore.add(b, Topics.MODEL_CHUNKS, StoreNames.MODEL_CHUNKS);
        DecodingGlobalStore.add(b, Topics.MODEL_ACTIVE, StoreNames.MODEL_ACTIVE);
        // Not a global table: that would cache every update and read the key's previous value before
        // each write, in every instance, for nothing read here.
        DecodingGlobalStore.add(b, itemStatsTopic(itemStatsTopic), StoreNames.ITEM_STATS);

        KStream<String, RatingEvent> ratings = EventDeduplicator.apply(b, b.stream(Topics.RATINGS.name(),
                        Consumed.with(Topics.RATINGS.keySerde(), Topics.RATINGS.valueSerde()))
                .filter((user, e) -> user != null && RatingEvents.usable(e)), dedupeCapacity);

        UserHistoryWriter.apply(b, ratings, maxHistory);

        KTable<String, UserProfile> profiles = b.table(Topics.USERS.name(),
                Consumed.with(Topics.USERS.keySerde(), Topics.USERS.valueSerde()),
                Materialized.<String, UserProfile>as(Stores.persistentKeyValueStore(StoreNames.USER_PROFILES))
                        .withKeySerde(Topics.USERS.keySerde()).withValueSerde(Topics.USERS.valueSerde()));

        // Ratings and users share key and partitioning, so the rater's profile joins without a repartition.
        // Past it only the item-side part of the rating travels (ItemRating), not the whole event.
        ratings.leftJoin(profiles, (e, p) -> ItemRating.of(e, ProfileSegments.of(p)),
                        Joined.with(Topics.RATINGS.keySerde(), Topics.RATINGS.valueSerde(), Topics.USERS.valueSerde()))
                .groupBy((user, r) -> r.itemId(), Grouped.with(BY_ITEM, Serdes.String(), StateSerdes.ITEM_RATING))
                .aggregate(ItemStats::new,
                        (item, r, s) -> s.add(r.rating(), r.timestamp(), r.segments()),
                        // Timestamped: Kafka stamps each update with the newest rating's time only when
                        // the store keeps the last one. A plain store loses it once the cache has flushed,
                        // updates of one item then went back and forth in time, and the global table
                        // reading them warned of an out-of-order update for a fifth of them (126,000
                        // log lines per instance in 2.3M ratings).
                        Materialized.<String, ItemStats>as(Stores.persistentTimestampedKeyValueStore(StoreNames.ITEM_STATS_LOCAL))
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.ITEM_STATS))
                .toStream()
                .to(itemStatsTopic, Produced.with(Serdes.String(), StateSerdes.ITEM_STATS));
        for (RatingsBranch branch : branches) {
            branch.add(b, ratings);
        }
        return b.build();
    }

    /** The broadcast topic of per-item statistics under its configured name. */
    public static Topic<String, ItemStats> itemStatsTopic(String name) {
        return Topics.broadcast(name, StateSerdes.ITEM_STATS, Topics.DEFAULT_PARTITIONS);
    }
}
