package io.reelfm.serving.it;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotKeys;
import io.reelfm.serving.model.TestModels;

/** Writes catalogue, ratings and model versions to the real broker the way ingest and the trainer do. */
public final class KafkaFixtures implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaFixtures(String bootstrap) {
        List<Topic<?, ?>> topics = new java.util.ArrayList<>(Topics.ingestTopics());
        topics.addAll(Topics.modelTopics());
        topics.add(Topics.DEAD_LETTERS);
        TopicCreator.ensure(bootstrap, topics, (short) 1, java.time.Duration.ofSeconds(30));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public <V> void send(Topic<String, V> topic, String key, V value) {
        sendRaw(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    public void sendRaw(String topic, byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public void movie(String id, String title, int year, String... genres) {
        send(Topics.MOVIES, id, Movie.newBuilder().setItemId(id).setTitle(title).setYear(year).setGenres(List.of(genres)).build());
    }

    public void rating(String user, String item, float rating, Instant at) {
        send(Topics.RATINGS, user, RatingEvent.newBuilder().setEventId(user + "/" + item + "/" + at.toEpochMilli())
                .setUserId(user).setItemId(item).setRating(rating).setTimestamp(at).setSource("test").build());
    }

    /** Publishes a version in protocol order: chunks, manifest, active pointer. */
    public void publishModel(String model, long version, byte[] payload) {
        publishModel(model, "fm", version, payload);
    }

    public void publishModel(String model, String kind, long version, byte[] payload) {
        List<ModelChunk> chunks = TestModels.chunks(model, version, payload, 4096);
        for (ModelChunk c : chunks) {
            send(Topics.MODEL_CHUNKS, SnapshotKeys.chunk(model, version, c.getIndex()), c);
        }
        ModelManifest m = TestModels.manifest(model, kind, version, payload, chunks.size());
        send(Topics.MODEL_MANIFESTS, SnapshotKeys.manifest(model, version), m);
        send(Topics.MODEL_ACTIVE, SnapshotKeys.active(model), m);
    }

    /** Sends without waiting for the acknowledgement; {@link #flush()} waits for all. */
    public <V> void sendAsync(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
