package io.reelfm.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.support.HttpTestClient;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.SharedKafka;

/**
 * Ratings of items the catalogue does not list are accepted and named in the answer and the
 * metrics; the catalogue is what the movies topic held before this instance started, minus
 * tombstones, plus what this instance has just written.
 */
class UncataloguedRatingsIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void ratingsOfItemsWithoutACatalogueRecordAreAcceptedNamedAndCounted() throws Exception {
        IngestConfig config = IngestConfig.builder().port(0).bootstrapServers(SharedKafka.bootstrapServers()).build();
        String old = "cat-" + run + "-old";
        String gone = "cat-" + run + "-gone";
        String fresh = "cat-" + run + "-fresh";
        String unknown = "cat-" + run + "-unknown";
        try (IngestService earlier = IngestService.start(config)) {
            HttpTestClient client = new HttpTestClient(earlier.port());
            assertThat(accepted(client, "/movies", movie(old)).status()).isEqualTo(202);
            assertThat(accepted(client, "/movies", movie(gone)).status()).isEqualTo(202);
        }
        delete(gone);

        try (IngestService service = IngestService.start(config)) {
            HttpTestClient client = new HttpTestClient(service.port());
            List<JsonNode> answers = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpTestClient.Reply reply = accepted(client, "/ratings", rating(old));
                assertThat(reply.status()).as(reply.body()).isEqualTo(202);
                answers.add(reply.json());
                return reply.json().has("uncataloguedItems");
            });
            assertThat(answers.get(answers.size() - 1).get("uncataloguedItems")).isEmpty();
            int notReadYet = answers.size() - 1;

            assertThat(accepted(client, "/movies", movie(fresh)).status()).isEqualTo(202);
            HttpTestClient.Reply batch = accepted(client, "/ratings/batch",
                    "[" + rating(old) + "," + rating(gone) + "," + rating(fresh) + "," + rating(unknown) + ","
                            + rating(unknown) + "]");

            assertThat(batch.status()).as(batch.body()).isEqualTo(202);
            assertThat(batch.json().get("eventIds")).hasSize(5);
            assertThat(texts(batch.json().get("uncataloguedItems"))).containsExactly(gone, unknown);
            String metrics = client.get("/metrics").body();
            assertThat(counter(metrics, "unlisted")).isEqualTo(3.0);
            assertThat(counter(metrics, "listed")).isEqualTo(3.0);
            if (notReadYet > 0) {
                assertThat(counter(metrics, "not_read_yet")).isEqualTo(notReadYet);
            }
        }
    }

    /**
     * Posts until the service takes it. A 503 with Retry-After is how ingest answers a transient
     * Kafka fault (nothing written, nothing counted), and a client retries it; the shared broker
     * has refused a new producer's first commit that way. Any other answer is returned at once.
     */
    private static HttpTestClient.Reply accepted(HttpTestClient client, String path, String body) {
        AtomicReference<HttpTestClient.Reply> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpTestClient.Reply reply = client.postJson(path, body);
                    last.set(reply);
                    if (reply.status() == 503) {
                        assertThat(reply.header("Retry-After")).as(reply.body()).isNotNull();
                        return false;
                    }
                    return true;
                });
        return last.get();
    }

    private static String movie(String itemId) {
        return """
                {"itemId":"%s","title":"Title of %s","year":2001,"genres":["Drama"]}""".formatted(itemId, itemId);
    }

    private String rating(String itemId) {
        return """
                {"userId":"u-%s","itemId":"%s","rating":4}""".formatted(run, itemId);
    }

    private static void delete(String itemId) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MOVIES.name(), Topics.MOVIES.encodeKey(itemId), null)).get();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double counter(String metrics, String catalogue) {
        Matcher m = Pattern.compile("reelfm_ingest_ratings_total\\{catalogue=\"" + catalogue + "\"} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
