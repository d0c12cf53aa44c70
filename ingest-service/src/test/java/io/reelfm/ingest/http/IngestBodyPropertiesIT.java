package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.support.HttpTestClient;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.SharedKafka;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a stranger posts, ingest answers with a 2xx or a 4xx, never a 5xx, and a request is
 * written whole or not at all: the ratings topic grows by exactly the accepted rows, or not at
 * all. Bodies are generated from near-valid ratings with one or more fields mangled, mixed
 * shapes (object, array, NDJSON), raw noise and assorted content types.
 */
class IngestBodyPropertiesIT {

    private static IngestService service;
    private static HttpTestClient client;
    private static KafkaConsumer<byte[], byte[]> offsets;
    private static List<TopicPartition> partitions;

    @BeforeContainer
    static void start() {
        service = IngestService.start(IngestConfig.builder().port(0).bootstrapServers(SharedKafka.bootstrapServers())
                .maxBatchRows(50).build());
        client = new HttpTestClient(service.port());
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        offsets = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = offsets.partitionsFor(Topics.RATINGS.name(), Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        offsets.assign(partitions);
        offsets.seekToEnd(partitions);
        partitions.forEach(offsets::position);
    }

    @AfterContainer
    static void stop() {
        offsets.close();
        service.close();
    }

    @Property(tries = 200)
    void anyBodyIsAnsweredWithoutA5xxAndWrittenWholeOrNotAtAll(@ForAll("bodies") Body body) {
        HttpTestClient.Reply r = client.post(body.path(), body.contentType(), body.text());

        assertThat(r.status()).as(body + " -> " + r.body()).isLessThan(500);
        if (r.status() == 202) {
            int accepted = body.path().endsWith("/batch") ? r.json().get("eventIds").size() : 1;
            assertThat(newRecords(accepted, Duration.ofSeconds(10))).as(body.toString()).isEqualTo(accepted);
        } else {
            assertThat(r.status()).isIn(400, 413, 415);
            assertThat(r.json().get("error").asText()).isNotBlank();
            assertThat(newRecords(1, Duration.ofMillis(20))).as("nothing written for " + body).isZero();
        }
    }

    record Body(String path, String contentType, String text) {
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> single = row();
        Arbitrary<String> array = row().list().ofMinSize(0).ofMaxSize(8).map(rows -> "[" + String.join(",", rows) + "]");
        Arbitrary<String> ndjson = row().list().ofMinSize(0).ofMaxSize(8).map(rows -> String.join("\n", rows));
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> text = Arbitraries.oneOf(single, array, ndjson, noise, single.map(s -> s + s), single.map(s -> s.substring(0, s.length() / 2)));
        Arbitrary<String> path = Arbitraries.of("/ratings", "/ratings/batch");
        Arbitrary<String> type = Arbitraries.of("application/json", "application/x-ndjson", "application/json; charset=utf-8",
                "application/json; charset=latin1", "text/plain", "", "application/ndjson");
        return Combinators.combine(path, type, text).as((p, t, b) -> new Body(p, t.isEmpty() ? null : t, b));
    }

    private static Arbitrary<String> row() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(IngestBodyPropertiesIT::quoted),
                Arbitraries.strings().all().ofMaxLength(20).map(IngestBodyPropertiesIT::quoted),
                Arbitraries.strings().alpha().ofLength(200).map(IngestBodyPropertiesIT::quoted),
                Arbitraries.of("null", "42", "true", "{}", "[]", "\"\"", "\" padded \""));
        Arbitrary<String> rating = Arbitraries.oneOf(
                Arbitraries.of("0.5", "1", "3.5", "4", "5", "5.0"),
                Arbitraries.of("0", "-1", "5.5", "4.25", "1e309", "\"4\"", "null", "NaN", "[]", "99999999999999999999"),
                Arbitraries.doubles().map(String::valueOf));
        Arbitrary<String> timestamp = Arbitraries.of("", ",\"timestamp\":\"2024-05-01T10:00:00Z\"", ",\"timestamp\":\"yesterday\"",
                ",\"timestamp\":\"1960-01-01T00:00:00Z\"", ",\"timestamp\":\"2999-01-01T00:00:00Z\"", ",\"timestamp\":12",
                ",\"timestamp\":1714557600000");
        Arbitrary<String> extra = Arbitraries.of("", ",\"unknown\":1", ",\"eventId\":\"fixed-event\"", ",\"context\":{\"page\":\"home\"}",
                ",\"context\":[1]", ",\"userId\":\"dup\"");
        Arbitrary<Set<String>> drop = Arbitraries.of("userId", "itemId", "rating").set().ofMaxSize(3);
        return Combinators.combine(id, id, rating, timestamp, extra, drop).as((u, i, r, t, x, d) -> {
            StringBuilder b = new StringBuilder("{");
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("userId", u);
            fields.put("itemId", i);
            fields.put("rating", r);
            String body = fields.entrySet().stream().filter(e -> !d.contains(e.getKey()))
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(","));
            b.append(body);
            if (!body.isEmpty() || !(t + x).isEmpty()) {
                b.append(body.isEmpty() ? (t + x).replaceFirst("^,", "") : t + x);
            }
            return b.append("}").toString();
        });
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * Committed records that arrived since the last call, polling until {@code expected} came or
     * {@code wait} passed (a commit's markers reach the partitions just after the commit returns),
     * then a little longer to catch any surplus.
     */
    private static long newRecords(int expected, Duration wait) {
        long n = 0;
        long deadline = System.nanoTime() + wait.toNanos();
        while (n < expected && System.nanoTime() < deadline) {
            n += offsets.poll(Duration.ofMillis(50)).count();
        }
        n += offsets.poll(Duration.ofMillis(50)).count();
        return n;
    }
}
