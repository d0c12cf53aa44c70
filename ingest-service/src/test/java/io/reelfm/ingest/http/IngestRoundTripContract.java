package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.support.HttpTestClient;
import io.reelfm.ingest.support.Records;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;

/**
 * HTTP to Kafka round trips, asserting the exact decoded records. Subclasses choose the broker
 * (in-process embedded, or a Testcontainers one) through {@link #bootstrapServers()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestRoundTripContract {

    private IngestService service;
    private HttpTestClient client;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    protected abstract String bootstrapServers();

    @BeforeAll
    void startService() {
        service = IngestService.start(IngestConfig.builder().port(0).bootstrapServers(bootstrapServers()).build());
        client = new HttpTestClient(service.port());
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void singleRatingIsWrittenWithAllItsFieldsKeyedByUser() {
        String eventId = "evt-" + run + "-single";
        HttpTestClient.Reply reply = client.postJson("/ratings", """
                {"userId":"u-%s","itemId":"m-42","rating":4.5,"timestamp":1700000000123,"eventId":"%s",
                 "context":{"device":"tv"}}""".formatted(run, eventId));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().get("eventId").asText()).isEqualTo(eventId);
        List<ConsumerRecord<String, RatingEvent>> records = ratings(List.of(eventId));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("u-" + run);
        assertThat(records.get(0).value()).isEqualTo(RatingEvent.newBuilder()
                .setEventId(eventId).setUserId("u-" + run).setItemId("m-42").setRating(4.5f)
                .setTimestamp(Instant.ofEpochMilli(1700000000123L)).setSource("api")
                .setContext(Map.of("device", "tv")).build());
    }

    @Test
    void ratingWithoutIdOrTimestampGetsAGeneratedUuidAndTheServerTime() {
        Instant before = Instant.now().minusMillis(1);
        HttpTestClient.Reply reply = client.postJson("/ratings",
                "{\"userId\":\"u-%s-gen\",\"itemId\":\"m-7\",\"rating\":1}".formatted(run));
        Instant after = Instant.now().plusMillis(1);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String eventId = reply.json().get("eventId").asText();
        assertThat(UUID.fromString(eventId).toString()).isEqualTo(eventId);
        RatingEvent event = ratings(List.of(eventId)).get(0).value();
        assertThat(event.getTimestamp()).isBetween(before, after);
        assertThat(event.getRating()).isEqualTo(1.0f);
        assertThat(event.getSource()).isEqualTo("api");
        assertThat(event.getContext()).isNull();
    }

    @Test
    void jsonArrayBatchIsWrittenInOrderAndAnsweredWithEveryEventId() {
        List<String> ids = List.of("evt-" + run + "-a0", "evt-" + run + "-a1", "evt-" + run + "-a2");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append(rating("u-" + run + "-arr", "m-" + i, 0.5 + i, 1_600_000_000_000L + i, ids.get(i)));
        }
        HttpTestClient.Reply reply = client.postJson("/ratings/batch", body.append("]").toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(texts(reply.json().get("eventIds"))).isEqualTo(ids);
        assertBatchWritten(ids, "u-" + run + "-arr");
    }

    @Test
    void ndjsonBatchIsWrittenLikeAJsonArray() {
        List<String> ids = List.of("evt-" + run + "-n0", "evt-" + run + "-n1", "evt-" + run + "-n2");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            body.append(rating("u-" + run + "-nd", "m-" + i, 0.5 + i, 1_600_000_000_000L + i, ids.get(i))).append("\r\n");
        }
        HttpTestClient.Reply reply = client.post("/ratings/batch", "application/x-ndjson", body + "\n");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(texts(reply.json().get("eventIds"))).isEqualTo(ids);
        assertBatchWritten(ids, "u-" + run + "-nd");
    }

    @Test
    void movieUpsertIsWrittenKeyedByItemId() {
        String itemId = "m-" + run;
        HttpTestClient.Reply reply = client.postJson("/movies", """
                {"itemId":"%s","title":"Toy Story (1995)","year":1995,"genres":["Animation","Comedy"],
                 "imdbId":"tt0114709","runtime":81,"language":"en","region":"US"}""".formatted(itemId));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().get("itemId").asText()).isEqualTo(itemId);
        List<ConsumerRecord<String, Movie>> records = Records.withIds(bootstrapServers(), Topics.MOVIES, Movie::getItemId, List.of(itemId));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(itemId);
        assertThat(records.get(0).value()).isEqualTo(Movie.newBuilder().setItemId(itemId).setTitle("Toy Story (1995)")
                .setYear(1995).setGenres(List.of("Animation", "Comedy")).setImdbId("tt0114709").setRuntime(81)
                .setLanguage("en").setRegion("US").build());
    }

    @Test
    void userUpsertsInOneArrayAreWrittenKeyedByUserId() {
        List<String> userIds = List.of("u-" + run + "-p0", "u-" + run + "-p1");
        HttpTestClient.Reply reply = client.postJson("/users", """
                [{"userId":"%s","age":24,"gender":"M","occupation":"technician"},{"userId":"%s"}]"""
                .formatted(userIds.get(0), userIds.get(1)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(texts(reply.json().get("userIds"))).isEqualTo(userIds);
        List<ConsumerRecord<String, UserProfile>> records =
                Records.withIds(bootstrapServers(), Topics.USERS, UserProfile::getUserId, userIds);
        assertThat(records).extracting(ConsumerRecord::key).isEqualTo(userIds);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                UserProfile.newBuilder().setUserId(userIds.get(0)).setAge(24).setGender("M").setOccupation("technician").build(),
                UserProfile.newBuilder().setUserId(userIds.get(1)).build());
    }

    @Test
    void readinessAndMetricsReflectTheWrites() {
        client.postJson("/ratings", "{\"userId\":\"u-%s-m\",\"itemId\":\"m-1\",\"rating\":3}".formatted(run));

        HttpTestClient.Reply ready = client.get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("reelfm_ingest_requests_total{endpoint=\"ratings\",outcome=\"accepted\"}");
        assertThat(metrics).contains("reelfm_ingest_records_total{topic=\"ratings\"}");
        assertThat(metrics).contains("reelfm_ingest_produce_seconds_count{topic=\"ratings\"}");
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/ratings\"");
    }

    private void assertBatchWritten(List<String> ids, String userId) {
        List<ConsumerRecord<String, RatingEvent>> records = ratings(ids);
        List<RatingEvent> expected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            expected.add(RatingEvent.newBuilder().setEventId(ids.get(i)).setUserId(userId).setItemId("m-" + i)
                    .setRating((float) (0.5 + i)).setTimestamp(Instant.ofEpochMilli(1_600_000_000_000L + i))
                    .setSource("api").setContext(null).build());
        }
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(expected);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(userId);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        assertThat(records).extracting(ConsumerRecord::offset).isSorted();
    }

    private List<ConsumerRecord<String, RatingEvent>> ratings(List<String> eventIds) {
        return Records.withIds(bootstrapServers(), Topics.RATINGS, RatingEvent::getEventId, eventIds);
    }

    private static String rating(String userId, String itemId, double rating, long timestamp, String eventId) {
        return "{\"userId\":\"%s\",\"itemId\":\"%s\",\"rating\":%s,\"timestamp\":%d,\"eventId\":\"%s\"}"
                .formatted(userId, itemId, rating, timestamp, eventId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
