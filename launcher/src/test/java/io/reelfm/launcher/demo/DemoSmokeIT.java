package io.reelfm.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticDataset;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplayProgress;
import io.reelfm.ingest.replay.ReplaySummary;
import io.reelfm.ingest.replay.Replayer;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.TopicReader;

/** The all-in-one stack on free ports: broker, topics, the three services, a replay, then a clean stop. */
class DemoSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsReplaysAcceptsARatingAndStopsCleanly() throws Exception {
        DemoConfig config = DemoConfig.freePorts();
        // enough distinct (user, item) pairs for the trainer's first fit (reelfm.trainer.min-ratings, 1000)
        SyntheticDataset data = new SyntheticDataset(SyntheticConfig.defaults().withSeed(77).withSize(200, 150, 3000));
        String ingest;
        String bootstrap;
        try (Demo demo = Demo.start(config, state -> DemoComponents.running(config, state))) {
            bootstrap = demo.bootstrapServers();
            ingest = demo.url("ingest");
            assertThat(demo.components()).extracting(Demo.Started::name).containsExactly("ingest", "trainer", "serving");
            for (Demo.Started component : demo.components()) {
                assertThat(get(component.running().url() + "/health/live").statusCode()).as(component.name()).isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(ingest + "/health/ready").statusCode()).isEqualTo(200));

            ReplaySummary summary = new Replayer(ReplayConfig.defaults(bootstrap), ReplayProgress.NONE).replay(data);
            assertThat(summary.ratings()).isEqualTo(3000);
            assertThat(TopicReader.count(bootstrap, Topics.RATINGS.name())).isEqualTo(3000);
            assertThat(TopicReader.count(bootstrap, Topics.MOVIES.name())).isEqualTo(150);

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(ingest + "/ratings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"7\",\"itemId\":\"12\",\"rating\":4.5}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("the demo requires its key").isEqualTo(401);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/ratings"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + demo.apiKey().orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"7\",\"itemId\":\"12\",\"rating\":4.5}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(TopicReader.readAll(bootstrap, Topics.RATINGS))
                            .anyMatch(r -> r.value().getUserId().equals("7") && r.value().getSource().equals("api")));
            // read records, not offsets: the ingest transaction's commit marker takes an offset too
            assertThat(TopicReader.readAll(bootstrap, Topics.RATINGS)).hasSize(3001);

            String serving = demo.url("serving");
            await().atMost(Duration.ofSeconds(180)).untilAsserted(() ->
                    assertThat(get(serving + "/health/ready").statusCode()).isEqualTo(200));
            // ready means a model is loaded; the user's replayed ratings may still be on their way into the stores
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> recommended = get(serving + "/users/7/recommendations?k=5");
                assertThat(recommended.statusCode()).as(recommended.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(recommended.body());
                assertThat(body.path("strategy").asText()).as(recommended.body()).isEqualTo("fold-in");
                assertThat(body.path("items")).as(recommended.body()).hasSize(5);
                assertThat(body.path("modelVersion").asLong()).isPositive();
                assertThat(body.path("variant").asText()).isIn("ranking", "mcmc");
                assertThat(body.path("model").asText())
                        .isEqualTo(body.path("variant").asText().equals("ranking") ? "ranking" : "fm-mcmc");
            });

        }
        assertThatThrownBy(() -> get(ingest + "/health/live")).isInstanceOf(ConnectException.class);
    }
}
