package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.support.EndOffsets;
import io.reelfm.ingest.support.HttpTestClient;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.SharedKafka;

/**
 * Every kind of bad request is refused with the right status and a message naming the field
 * (and row, in batches), and writes nothing at all: the end offsets of every ingest topic stay
 * where they were, even when the other rows of the batch were valid.
 */
class RejectedRequestsIT {

    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_ROWS = 50;
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final List<String> TOPICS = List.of(Topics.RATINGS.name(), Topics.MOVIES.name(), Topics.USERS.name());

    private static IngestService service;
    private static HttpTestClient client;

    record Case(String name, String path, String contentType, String body, int status, String message, String field, Integer row) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        service = IngestService.start(IngestConfig.builder().port(0).bootstrapServers(SharedKafka.bootstrapServers())
                .maxBodyBytes(MAX_BODY).maxBatchRows(MAX_ROWS).build());
        client = new HttpTestClient(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Case> badRequests() {
        long tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toEpochMilli();
        String longId = "x".repeat(129);
        List<Case> cases = new ArrayList<>(List.of(
                single("missing userId", "{\"itemId\":\"m1\",\"rating\":4}", "is required", "userId"),
                single("empty userId", "{\"userId\":\"\",\"itemId\":\"m1\",\"rating\":4}", "must not be empty", "userId"),
                single("blank itemId", "{\"userId\":\"u1\",\"itemId\":\"   \",\"rating\":4}", "must not be empty", "itemId"),
                single("userId over 128 chars", "{\"userId\":\"" + longId + "\",\"itemId\":\"m1\",\"rating\":4}",
                        "at most 128 characters", "userId"),
                single("itemId is a number", "{\"userId\":\"u1\",\"itemId\":42,\"rating\":4}", "must be a string", "itemId"),
                single("control character in userId", "{\"userId\":\"u\\u0007x\",\"itemId\":\"m1\",\"rating\":4}",
                        "control characters", "userId"),
                single("missing rating", "{\"userId\":\"u1\",\"itemId\":\"m1\"}", "is required", "rating"),
                single("rating is a string", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":\"4\"}", "must be a number", "rating"),
                single("rating above the scale", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":5.5}", "between 0.5 and 5.0", "rating"),
                single("rating below the scale", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":0}", "between 0.5 and 5.0", "rating"),
                single("rating off the step", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":3.3}", "in steps of 0.5", "rating"),
                single("timestamp a day in the future",
                        "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"timestamp\":" + tomorrow + "}", "in the future", "timestamp"),
                single("negative timestamp", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"timestamp\":-5}", "before 1970", "timestamp"),
                single("unparseable timestamp", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"timestamp\":\"yesterday\"}",
                        "ISO-8601", "timestamp"),
                single("unknown field", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"ratng\":4}", "not a known field", "ratng"),
                single("empty eventId", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"eventId\":\"\"}", "must not be empty", "eventId"),
                single("context value not a string", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"context\":{\"n\":1}}",
                        "must be a string", "context.n"),
                single("malformed JSON", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4", "malformed JSON", null),
                single("duplicate JSON key", "{\"userId\":\"u1\",\"userId\":\"u2\",\"itemId\":\"m1\",\"rating\":4}", "malformed JSON", null),
                single("empty body", "", "request body is empty", null),
                single("array sent to the single endpoint", "[{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}]",
                        "expected a JSON object", null),
                new Case("NDJSON sent to the single endpoint", "/ratings", NDJSON, "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}\n",
                        400, "not NDJSON", null, null),
                new Case("text/plain content type", "/ratings", "text/plain", "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}",
                        415, "Content-Type must be one of", null, null),
                new Case("missing content type", "/ratings", null, "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}",
                        415, "was missing", null, null),
                new Case("non UTF-8 charset", "/ratings/batch", "application/json; charset=ISO-8859-1", "[]",
                        415, "UTF-8", null, null),
                new Case("body over the size limit", "/ratings/batch", JSON, "[" + validRows(500, ",") + "]",
                        413, "the limit is " + MAX_BODY + " bytes", null, null),
                batch("batch over the row limit", JSON, "[" + validRows(MAX_ROWS + 1, ",") + "]", "at most " + MAX_ROWS, null, null),
                batch("empty batch", JSON, "[]", "no rows", null, null),
                batch("object sent to the batch endpoint", JSON, "{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4}",
                        "expected a JSON array", null, null),
                batch("one bad rating among valid rows", JSON, "[" + validRows(3, ",")
                        + ",{\"userId\":\"u9\",\"itemId\":\"m9\",\"rating\":9}," + validRows(2, ",") + "]", "between 0.5 and 5.0", "rating", 3),
                batch("batch row is not an object", JSON, "[" + validRows(2, ",") + ",\"oops\"]", "expected a JSON object", null, 2),
                batch("malformed NDJSON line", NDJSON, validRows(2, "\n") + "\n{\"userId\":\n" + validRows(1, "\n"),
                        "malformed JSON on line 3", null, 2),
                batch("duplicate eventId in a batch", JSON,
                        "[{\"userId\":\"u1\",\"itemId\":\"m1\",\"rating\":4,\"eventId\":\"same\"},"
                                + "{\"userId\":\"u2\",\"itemId\":\"m2\",\"rating\":3,\"eventId\":\"same\"}]",
                        "duplicates the eventId of row 0", "eventId", 1),
                new Case("movie without title", "/movies", JSON, "{\"itemId\":\"m1\",\"year\":1995}", 400, "is required", "title", null),
                new Case("movie year as a string", "/movies", JSON, "{\"itemId\":\"m1\",\"title\":\"T\",\"year\":\"1995\"}",
                        400, "must be a whole number", "year", null),
                new Case("movie genres not an array", "/movies", JSON, "{\"itemId\":\"m1\",\"title\":\"T\",\"genres\":\"Drama\"}",
                        400, "must be an array of strings", "genres", null),
                new Case("movie with a bad imdbId in a batch", "/movies", JSON,
                        "[{\"itemId\":\"m1\",\"title\":\"T\"},{\"itemId\":\"m2\",\"title\":\"U\",\"imdbId\":\"114709\"}]",
                        400, "must look like tt0114709", "imdbId", 1),
                new Case("user with negative age", "/users", JSON, "{\"userId\":\"u1\",\"age\":-1}", 400, "between 0 and 150", "age", null),
                new Case("user without userId", "/users", NDJSON, "{\"age\":30}\n", 400, "is required", "userId", 0)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsRefusedWithItsProblemAndWritesNothing(Case c) {
        Map<String, Long> before = EndOffsets.of(SharedKafka.bootstrapServers(), TOPICS);

        HttpTestClient.Reply reply = client.post(c.path(), c.contentType(), c.body());

        assertThat(reply.status()).as(reply.body()).isEqualTo(c.status());
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isNotBlank();
        if (c.field() == null && c.row() == null && c.status() != 400) {
            assertThat(body.get("error").asText()).contains(c.message());
            assertThat(body.has("problems")).isFalse();
        } else {
            assertThat(problems(body)).as(reply.body()).anySatisfy(p -> {
                assertThat(p.path("message").asText()).contains(c.message());
                assertThat(p.has("field") ? p.get("field").asText() : null).isEqualTo(c.field());
                assertThat(p.has("row") ? p.get("row").asInt() : null).isEqualTo(c.row());
            });
        }
        assertThat(EndOffsets.of(SharedKafka.bootstrapServers(), TOPICS)).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWithoutAContentLength() {
        Map<String, Long> before = EndOffsets.of(SharedKafka.bootstrapServers(), TOPICS);
        byte[] body = ("[" + validRows(500, ",") + "]").getBytes(StandardCharsets.UTF_8);

        HttpTestClient.Reply reply = client.postChunked("/ratings/batch", JSON, body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).contains("more than " + MAX_BODY + " bytes");
        assertThat(EndOffsets.of(SharedKafka.bootstrapServers(), TOPICS)).isEqualTo(before);
    }

    @Test
    void chunkedBodyUnderTheLimitIsAccepted() {
        byte[] body = ("[" + validRows(3, ",") + "]").getBytes(StandardCharsets.UTF_8);

        assertThat(client.postChunked("/ratings/batch", JSON, body).status()).isEqualTo(202);
    }

    private static List<JsonNode> problems(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        body.path("problems").forEach(out::add);
        return out;
    }

    private static Case single(String name, String body, String message, String field) {
        return new Case(name, "/ratings", JSON, body, 400, message, field, null);
    }

    private static Case batch(String name, String contentType, String body, String message, String field, Integer row) {
        return new Case(name, "/ratings/batch", contentType, body, 400, message, field, row);
    }

    private static String validRows(int n, String separator) {
        return IntStream.range(0, n).mapToObj(i -> "{\"userId\":\"u" + i + "\",\"itemId\":\"m" + i + "\",\"rating\":4.5}")
                .collect(Collectors.joining(separator));
    }
}
