package io.reelfm.serving.topology;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.Topic;

/**
 * A global store (every instance holds all of it) fed from a topic whose records are decoded
 * here rather than by Kafka Streams' source deserialiser. A global table cannot route an
 * undecodable record to the dead-letter topic (the global thread has no record collector, so
 * the deserialisation handler fails and takes every stream thread down with it), and a plain
 * global table restores raw bytes into the store unchecked, so one bad record used to break
 * every later read of that key.
 *
 * <p>Here the source reads bytes; this processor decodes each record with the topic's serdes
 * and stores only what decodes. An undecodable value is skipped (the key keeps its previous
 * value), counted and logged; a tombstone deletes, so a bad key can always be healed. Kafka
 * Streams replays a global store's topic through this same processor when it restores, so
 * restored state is checked the same way. The dead-letter copy of such a record is written by
 * the trainer, the one consumer of these topics with committed offsets, so it appears there once
 * rather than once per serving instance and restart.
 */
final class DecodingGlobalStore {

    private static final Logger log = LoggerFactory.getLogger(DecodingGlobalStore.class);
    private static final AtomicLong SKIPPED = new AtomicLong();

    private DecodingGlobalStore() {
    }

    /** Undecodable records skipped by global stores in this JVM since it started. */
    static long skipped() {
        return SKIPPED.get();
    }

    static <V> void add(StreamsBuilder b, Topic<String, V> topic, String storeName) {
        add(b, topic, storeName, () -> { });
    }

    /** @param changed run after every write to the store (a put or a delete), for readers that keep copies */
    static <V> void add(StreamsBuilder b, Topic<String, V> topic, String storeName, Runnable changed) {
        b.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(storeName), topic.keySerde(), topic.valueSerde())
                        .withLoggingDisabled(),
                topic.name(), Consumed.with(Serdes.Bytes(), Serdes.Bytes()).withName(storeName + "-source"),
                () -> new Decoder<>(topic, storeName, changed));
    }

    private static final class Decoder<V> implements Processor<Bytes, Bytes, Void, Void> {

        private final Topic<String, V> topic;
        private final String storeName;
        private final Serde<String> keySerde;
        private final Serde<V> valueSerde;
        private final Runnable changed;
        private KeyValueStore<String, V> store;

        Decoder(Topic<String, V> topic, String storeName, Runnable changed) {
            this.topic = topic;
            this.storeName = storeName;
            this.changed = changed;
            this.keySerde = topic.keySerde();
            this.valueSerde = topic.valueSerde();
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<Bytes, Bytes> record) {
            String key;
            V value;
            try {
                key = record.key() == null ? null : keySerde.deserializer().deserialize(topic.name(), record.key().get());
                value = record.value() == null ? null : valueSerde.deserializer().deserialize(topic.name(), record.value().get());
            } catch (RuntimeException e) {
                long n = SKIPPED.incrementAndGet();
                log.warn("Skipped an undecodable record in {} (the store keeps the key's previous value; {} skipped so far): {}",
                        topic.name(), n, e.toString());
                return;
            }
            if (key == null) {
                SKIPPED.incrementAndGet();
                log.warn("Skipped a record without a key in {}", topic.name());
                return;
            }
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
            changed.run();
        }
    }
}
