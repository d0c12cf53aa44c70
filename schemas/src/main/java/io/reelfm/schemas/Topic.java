package io.reelfm.schemas;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with everything a producer or consumer must agree on: its name, key and value
 * serdes, and how it is created (partitions, cleanup policy, retention). Producers and
 * consumers take both the name and the serdes from here, so they cannot disagree.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for topic " + name);
        }
        configs = Map.copyOf(configs);
    }

    /** A record for this topic, key and value encoded with its serdes; a null value is a tombstone. */
    public ProducerRecord<byte[], byte[]> record(K key, V value) {
        return new ProducerRecord<>(name, encodeKey(key), encodeValue(value));
    }

    /** The key's bytes as this topic stores them; null stays null. */
    public byte[] encodeKey(K key) {
        return key == null ? null : keySerde.serializer().serialize(name, key);
    }

    /** The value's bytes as this topic stores them; null (a tombstone) stays null. */
    public byte[] encodeValue(V value) {
        return value == null ? null : valueSerde.serializer().serialize(name, value);
    }

    /** A key read from this topic; null stays null. */
    public K decodeKey(byte[] bytes) {
        return bytes == null ? null : keySerde.deserializer().deserialize(name, bytes);
    }

    /**
     * A value read from this topic; null (a tombstone) stays null.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not this topic's format
     */
    public V decodeValue(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(name, bytes);
    }

    public boolean compacted() {
        return configs.getOrDefault("cleanup.policy", "delete").contains("compact");
    }

    @Override
    public String toString() {
        return name;
    }
}
