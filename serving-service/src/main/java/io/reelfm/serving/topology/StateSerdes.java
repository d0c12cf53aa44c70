package io.reelfm.serving.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of serving's own state values. They live only in this application's stores,
 * changelogs and broadcast topic, so a compact versioned binary layout is enough; the format
 * byte lets a later layout read older records.
 */
public final class StateSerdes {

    public static final Serde<UserHistory> USER_HISTORY = Serdes.serdeFrom(
            (topic, v) -> v == null ? null : v.toBytes(),
            (topic, b) -> b == null ? null : UserHistory.fromBytes(b));

    public static final Serde<ItemStats> ITEM_STATS = Serdes.serdeFrom(
            (topic, v) -> v == null ? null : v.toBytes(),
            (topic, b) -> b == null ? null : ItemStats.fromBytes(b));

    /** The item-side part of a rating on the by-item repartition topic and in the A/B join's window store. */
    public static final Serde<ItemRating> ITEM_RATING = Serdes.serdeFrom(
            (topic, v) -> v == null ? null : v.toBytes(),
            (topic, b) -> b == null ? null : ItemRating.fromBytes(b));

    private StateSerdes() {
    }
}
