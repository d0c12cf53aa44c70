package io.reelfm.ingest.publish;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.reelfm.schemas.Topic;

/**
 * Encodes a key and value with the topic's own serdes before any transaction starts, so an
 * encoding failure can never leave a transaction half-written and the publisher handles bytes
 * for every topic alike.
 */
public final class Outgoing {

    private Outgoing() {
    }

    public static <K, V> ProducerRecord<byte[], byte[]> record(Topic<K, V> topic, K key, V value) {
        byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
        return new ProducerRecord<>(topic.name(), k, v);
    }
}
