package io.reelfm.serving.experiment;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.state.Stores;

import io.reelfm.schemas.Impression;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.serving.topology.ItemRating;
import io.reelfm.serving.topology.StateSerdes;

/**
 * The A/B measurement part of the serving topology. Impressions and ratings share the user id
 * key and partitioning, so a rating is joined to the lists its user was shown in the
 * preceding window without a repartition; the resulting signals are aggregated per variant and
 * broadcast into a global store, so every instance answers {@code /experiments} from local state.
 * "First time" facts (a list's first hit, a variant's first recommendation of an item) are
 * counted on uncached stores so each is emitted exactly once.
 */
public final class ExperimentTopology {

    public static final String STATS_STORE = "experiment-stats-store";

    private ExperimentTopology() {
    }

    public static void add(StreamsBuilder b, KStream<String, RatingEvent> ratings, String statsTopic, Duration window) {
        KStream<String, Impression> impressions = b.stream(Topics.IMPRESSIONS.name(),
                        Consumed.with(Topics.IMPRESSIONS.keySerde(), Topics.IMPRESSIONS.valueSerde()))
                .filter((user, i) -> i != null && user != null);

        KStream<String, ExperimentSignal> shown = impressions
                .map((user, i) -> KeyValue.pair(i.getVariant(), ExperimentSignal.of(ExperimentSignal.Kind.IMPRESSION)));

        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FirstSeenItems.STORE),
                Serdes.String(), Serdes.Boolean()));
        KStream<String, ExperimentSignal> newItems = impressions
                .process(FirstSeenItems::new, FirstSeenItems.STORE)
                .groupByKey(Grouped.with("experiment-items", Serdes.String(), Serdes.String()))
                .count(Materialized.<String, Long>as(Stores.persistentKeyValueStore("experiment-item-seen")).withCachingDisabled())
                .toStream()
                .filter((key, count) -> count != null && count == 1)
                .map((key, count) -> KeyValue.pair(variantOf(key), ExperimentSignal.of(ExperimentSignal.Kind.NEW_ITEM)));

        // The join keeps each rating for the window in a changelogged store: only its item-side part.
        KStream<String, ItemRating> rated = ratings.mapValues(r -> ItemRating.of(r, java.util.List.of()));
        KStream<String, Hit> hits = impressions.join(rated,
                        (i, r) -> i.getItems().contains(r.itemId()) ? new Hit(i.getVariant(), i.getRequestId(), r.rating()) : null,
                        JoinWindows.ofTimeDifferenceAndGrace(window, Duration.ofMinutes(1)).before(Duration.ZERO),
                        StreamJoined.with(Topics.IMPRESSIONS.keySerde(), Topics.IMPRESSIONS.valueSerde(), StateSerdes.ITEM_RATING)
                                .withName("impression-rating").withStoreName("impression-rating"))
                .filter((user, h) -> h != null);

        KStream<String, ExperimentSignal> ratedHits = hits
                .map((user, h) -> KeyValue.pair(h.variant(), new ExperimentSignal(ExperimentSignal.Kind.RATED, h.rating())));

        KStream<String, ExperimentSignal> hitLists = hits
                .map((user, h) -> KeyValue.pair(h.variant() + "/" + h.requestId(), h.requestId()))
                .groupByKey(Grouped.with("experiment-hit-lists", Serdes.String(), Serdes.String()))
                .count(Materialized.<String, Long>as(Stores.persistentKeyValueStore("experiment-hit-lists")).withCachingDisabled())
                .toStream()
                .filter((key, count) -> count != null && count == 1)
                .map((key, count) -> KeyValue.pair(variantOf(key), ExperimentSignal.of(ExperimentSignal.Kind.HIT_IMPRESSION)));

        shown.merge(newItems).merge(ratedHits).merge(hitLists)
                .groupByKey(Grouped.with("experiment-by-variant", Serdes.String(), ExperimentSignal.SERDE))
                .aggregate(() -> ExperimentStats.EMPTY, (variant, signal, stats) -> stats.apply(signal),
                        Materialized.<String, ExperimentStats>as(Stores.persistentKeyValueStore("experiment-stats-by-variant"))
                                .withKeySerde(Serdes.String()).withValueSerde(ExperimentStats.SERDE))
                .toStream()
                .to(statsTopic, Produced.with(Serdes.String(), ExperimentStats.SERDE));

        b.globalTable(statsTopic, Consumed.with(Serdes.String(), ExperimentStats.SERDE),
                Materialized.<String, ExperimentStats>as(Stores.inMemoryKeyValueStore(STATS_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(ExperimentStats.SERDE));
    }

    private static String variantOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** A recommended item rated within the window after the list was shown. */
    record Hit(String variant, String requestId, float rating) {
    }
}
