package io.reelfm.trainer.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingEvents;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotAssembler;
import io.reelfm.schemas.snapshot.SnapshotKeys;
import io.reelfm.service.config.Settings;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.store.TrainingState;

/** Shared plumbing of the trainer's integration tests: config, producing ratings, HTTP, reading snapshot topics. */
final class TrainerFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TrainerFixture() {
    }

    static String bootstrap() {
        String b = SharedKafka.bootstrapServers();
        TopicCreator.ensure(b, List.of(Topics.RATINGS, Topics.MOVIES, Topics.USERS, Topics.MODEL_CHUNKS,
                Topics.MODEL_MANIFESTS, Topics.MODEL_ACTIVE), (short) 1, Duration.ofSeconds(30));
        return b;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A test config on the shared broker: free port, fresh group, small holdout, no time-based refits; overrides win. */
    static TrainerConfig config(String models, Map<String, String> overrides) {
        return config(bootstrap(), models, overrides);
    }

    /** The same on a broker of the test's own. */
    static TrainerConfig config(String bootstrap, String models, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("reelfm.kafka.bootstrap-servers", bootstrap);
        values.put("reelfm.trainer.port", "0");
        values.put("reelfm.trainer.group-id", unique("trainer-it"));
        values.put("reelfm.trainer.models", models);
        values.put("reelfm.trainer.refit-after-events", "100000000");
        values.put("reelfm.trainer.refit-after", "1h");
        values.put("reelfm.trainer.online.min-events", "100000000");
        values.put("reelfm.trainer.poll-timeout", "100ms");
        values.putAll(overrides);
        return TrainerConfig.from(Settings.ofMap(values));
    }

    static void produce(List<RatingEvent> events) {
        produce(bootstrap(), events);
    }

    static void produce(String bootstrap, List<RatingEvent> events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, Topics.RATINGS.keySerde().serializer(), Topics.RATINGS.valueSerde().serializer())) {
            for (RatingEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.RATINGS.name(), e.getUserId(), e));
            }
            producer.flush();
        }
    }

    /** The training state an offline reader builds from everything now in the ratings topic. */
    static TrainingState offlineState() {
        TrainingState s = new TrainingState(1 << 20);
        for (ConsumerRecord<String, RatingEvent> r : TopicReader.readAll(bootstrap(), Topics.RATINGS)) {
            if (RatingEvents.usable(r.value())) {
                s.applyRating(r.value(), r.topic(), r.partition(), r.offset());
            }
        }
        s.publishCounts();
        return s;
    }

    /** Distinct (user, item) ratings the topic now holds: what a caught-up trainer's store will contain. */
    static long storedRatings() {
        return offlineState().counts().ratings();
    }

    static long ratingsInTopic() {
        return TopicReader.count(bootstrap(), Topics.RATINGS.name());
    }

    static JsonNode get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), 200);
    }

    /** An answer of {@code GET /health/ready}: its status and the detail saying why. */
    record Readiness(int status, String detail) {
    }

    static Readiness readiness(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Readiness(r.statusCode(), JSON.readTree(r.body()).path("detail").asText());
        } catch (IOException e) {
            throw new AssertionError("GET /health/ready failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode post(int port, String path, int expectedStatus) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), expectedStatus);
    }

    /** A POST with extra headers (an API key, say). */
    static JsonNode post(int port, String path, int expectedStatus, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return send(b.build(), expectedStatus);
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expectedStatus) {
                throw new AssertionError(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode model(int port, String name) {
        for (JsonNode m : get(port, "/models")) {
            if (name.equals(m.get("name").asText())) {
                return m;
            }
        }
        throw new AssertionError("GET /models does not list " + name);
    }

    /** Latest value per key on a snapshot topic, for one model; null values are tombstones. */
    static Map<String, ModelManifest> manifests(String model) {
        return latest(TopicReader.readAll(bootstrap(), Topics.MODEL_MANIFESTS), k -> k.startsWith(model + "/"));
    }

    static ModelManifest active(String model) {
        return latest(TopicReader.readAll(bootstrap(), Topics.MODEL_ACTIVE), model::equals).get(model);
    }

    static Map<String, ModelChunk> chunks(String model) {
        return latest(TopicReader.readAll(bootstrap(), Topics.MODEL_CHUNKS), k -> k.startsWith(model + "/"));
    }

    /** What serving would do: follow the pointer, assemble from all chunks on the topic, verify. */
    static SnapshotAssembler.Assembly assembleActive(String model) {
        SnapshotAssembler a = new SnapshotAssembler();
        for (ConsumerRecord<String, ModelChunk> r : TopicReader.readAll(bootstrap(), Topics.MODEL_CHUNKS)) {
            if (SnapshotKeys.parseChunk(r.key()).map(k -> k.model().equals(model)).orElse(false)) {
                a.accept(r.key(), r.value());
            }
        }
        return a.assemble(active(model));
    }

    private static <V> Map<String, V> latest(List<ConsumerRecord<String, V>> records, java.util.function.Predicate<String> keep) {
        Map<String, V> out = new HashMap<>();
        for (ConsumerRecord<String, V> r : records) {
            if (r.key() != null && keep.test(r.key())) {
                out.put(r.key(), r.value());
            }
        }
        return out;
    }

    static Map<String, ModelManifest> live(Map<String, ModelManifest> m) {
        return m.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
