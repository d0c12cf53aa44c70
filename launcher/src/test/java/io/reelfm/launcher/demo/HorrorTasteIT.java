package io.reelfm.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.rank.Ease;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.rank.RankingTuner;
import io.reelfm.core.topk.TopK;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.datasets.model.Ml100k;
import io.reelfm.datasets.model.RatingsLoader;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplayProgress;
import io.reelfm.ingest.replay.Replayer;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.variant.Variants;

/**
 * Lists that follow a user's taste, on the whole stack: MovieLens 100K replayed into the demo,
 * then a new user of the ranking variant rates the ten most-rated horror films 5 stars through
 * ingest. Their served top 10 must hold at least as many horror titles as EASE's list for the
 * same history (EASE on all of u.data, lambda chosen by validation: 5 of 10; the most popular
 * chart 0). The served model reads genres: its item vectors carry genre embeddings, so ten horror
 * films fold the user in toward what horror films share. Skips without MovieLens 100K.
 */
class HorrorTasteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aNewHorrorFanGetsAtLeastAsManyHorrorTitlesAsEaseGives() throws Exception {
        Optional<Path> dir = Ml100k.locate();
        assumeTrue(dir.isPresent(), io.reelfm.datasets.download.MovieLens100kLocation.HOW_TO_GET_IT);
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        RatingSetBuilder builder = new RatingSetBuilder(users, items);
        RatingsLoader.read(dir.get().resolve("u.data"), builder);
        RatingSet all = builder.build();
        SideInfo side = Ml100k.sideInfo(dir.get());
        Interactions interactions = Interactions.of(all, InteractionWeight.UNIFORM);
        List<Integer> horror = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (side.item(items.id(i)).genres().contains("Horror")) {
                horror.add(i);
            }
        }
        horror.sort((a, b) -> interactions.itemCount(b) - interactions.itemCount(a));
        int[] history = horror.subList(0, 10).stream().mapToInt(Integer::intValue).toArray();
        Set<String> horrorIds = horror.stream().map(items::id).collect(Collectors.toSet());

        double lambda = RankingTuner.standard(RankingConfig.DEFAULT, 42).ease(all).best();
        float[] scores = new float[items.size()];
        new Ease(lambda).train(interactions).scoreHistory(history, new float[10], scores);
        BitSet seen = new BitSet();
        Arrays.stream(history).forEach(seen::set);
        long easeHorror = Arrays.stream(TopK.select(scores, 10, seen).indices()).filter(horror::contains).count();

        Variants variants = new Variants(Variant.parseAll("variants", ServingConfig.DEFAULT_VARIANTS));
        String fan = "horror-fan-0";
        for (int n = 1; !variants.assign(fan).model().equals("ranking"); n++) {
            fan = "horror-fan-" + n;
        }

        DemoConfig config = DemoConfig.freePorts();
        try (Demo demo = Demo.start(config, state -> DemoComponents.running(config, state))) {
            new Replayer(ReplayConfig.defaults(demo.bootstrapServers()), ReplayProgress.NONE).replay(DatasetFormat.open(dir.get()));
            String serving = demo.url("serving");
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> get(serving + "/health/ready").statusCode() == 200);
            for (int id : history) {
                String body = "{\"userId\":\"" + fan + "\",\"itemId\":\"" + items.id(id) + "\",\"rating\":5}";
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(demo.url("ingest") + "/ratings"))
                        .header("Content-Type", "application/json").header("X-API-Key", demo.apiKey().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            }
            String user = fan;
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                HttpResponse<String> h = get(serving + "/users/" + user + "/history");
                return h.statusCode() == 200 && JSON.readTree(h.body()).path("count").asInt() == 10;
            });
            JsonNode list = JSON.readTree(get(serving + "/users/" + fan + "/recommendations?k=10").body());
            assertThat(list.path("model").asText()).isEqualTo("ranking");
            assertThat(list.path("strategy").asText()).isEqualTo("fold-in");
            assertThat(list.path("items")).hasSize(10);
            long served = 0;
            for (JsonNode item : list.path("items")) {
                assertThat(Arrays.stream(history).mapToObj(items::id)).doesNotContain(item.path("itemId").asText());
                served += horrorIds.contains(item.path("itemId").asText()) ? 1 : 0;
            }
            System.out.printf("horror titles in the top 10: served %d, EASE %d%n", served, easeHorror);
            assertThat(easeHorror).as("EASE's horror titles for the same history").isGreaterThanOrEqualTo(3);
            assertThat(served).as("horror titles in the served list: %s", list.path("items"))
                    .isGreaterThanOrEqualTo(easeHorror);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
