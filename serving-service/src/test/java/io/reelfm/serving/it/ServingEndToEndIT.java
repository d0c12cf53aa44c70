package io.reelfm.serving.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.Topics;
import io.reelfm.serving.ServingService;
import io.reelfm.serving.model.TestModels;
import io.reelfm.serving.topology.DeadLetterHandler;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;

/** One serving instance on the real broker: from published model and ratings to HTTP answers. */
class ServingEndToEndIT {

    private static final String MODEL = "e2e-fm";
    private static final int ITEMS = 60;
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    static Path stateDir;

    private static KafkaFixtures kafka;
    private static ServingService serving;
    private static int port;

    @BeforeAll
    static void start() {
        String bootstrap = SharedKafka.bootstrapServers();
        kafka = new KafkaFixtures(bootstrap);
        for (int i = 0; i < ITEMS; i++) {
            kafka.movie("e2e-" + i, i == 7 ? "Amélie E2E" : "E2E Movie " + i, 1990 + i % 20, i % 2 == 0 ? "Drama" : "Comedy");
        }
        kafka.publishModel(MODEL, 1, TestModels.randomPayload(ITEMS, 8, "e2e-", 11));
        kafka.publishModel("e2e-kmeans", "kmeans", 4, TestModels.clusterPayload(ITEMS, 3, "e2e-"));
        for (int i = 0; i < 8; i++) {
            kafka.rating("e2e-u1", "e2e-" + i, i < 4 ? 5f : 1f, T0.plusSeconds(i));
        }
        for (int u = 0; u < 20; u++) {
            kafka.rating("e2e-crowd-" + u, "e2e-50", 5f, T0.plusSeconds(100 + u));
        }
        serving = OneInstance.start(bootstrap, "serving-e2e-it", stateDir, MODEL,
                Map.of("reelfm.serving.cluster-model", "e2e-kmeans"));
        port = serving.port();
        await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(port, "/health/ready").status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/users/e2e-u1/history").status() == 200
                && Http.get(port, "/users/e2e-u1/history").json().get("count").asInt() == 8);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(port, "/movies/e2e-50").json().get("stats").get("ratings").asLong() == 20);
    }

    @AfterAll
    static void stop() {
        if (serving != null) {
            serving.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void recommendationsAreUnseenItemsWithReasonVersionVariantAndRequestId() {
        JsonNode r = Http.get(port, "/users/e2e-u1/recommendations?k=5").json();

        assertThat(r.get("items")).hasSize(5);
        assertThat(r.get("modelVersion").asLong()).isEqualTo(1);
        assertThat(r.get("variant").asText()).isEqualTo("main");
        assertThat(r.get("requestId").asText()).isNotBlank();
        List<String> ids = itemIds(r);
        assertThat(ids).doesNotContain("e2e-0", "e2e-1", "e2e-2", "e2e-3", "e2e-4", "e2e-5", "e2e-6", "e2e-7");
        assertThat(r.get("items").get(0).get("reason").asText()).startsWith("because you rated E2E Movie ");
        double first = r.get("items").get(0).get("score").asDouble();
        double last = r.get("items").get(4).get("score").asDouble();
        assertThat(first).isGreaterThanOrEqualTo(last);
    }

    @Test
    void newRatingChangesThatUsersRecommendations() {
        JsonNode before = Http.get(port, "/users/e2e-u9/recommendations?k=5").json();
        assertThat(before.get("strategy").asText()).isEqualTo("popular");

        kafka.rating("e2e-u9", "e2e-10", 5f, T0.plusSeconds(500));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = Http.get(port, "/users/e2e-u9/recommendations?k=5").json();
            assertThat(after.get("strategy").asText()).isEqualTo("fold-in");
            assertThat(itemIds(after)).doesNotContain("e2e-10");
            assertThat(after.get("items").get(0).get("becauseItemId").asText()).isEqualTo("e2e-10");
        });
        double p1 = Http.get(port, "/users/e2e-u9/predict?itemId=e2e-20").json().get("predictedRating").asDouble();
        kafka.rating("e2e-u9", "e2e-11", 1f, T0.plusSeconds(501));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(port, "/users/e2e-u9/predict?itemId=e2e-20").json().get("predictedRating").asDouble() != p1);
    }

    @Test
    void unknownUserGetsPopularItemsFirstTheOneTheCrowdRated() {
        JsonNode r = Http.get(port, "/users/nobody-e2e/recommendations?k=3").json();
        assertThat(r.get("items").get(0).get("reason").asText()).isEqualTo("popular");
        assertThat(Http.get(port, "/popular?k=50").json().get("items").findValuesAsText("itemId")).contains("e2e-50");
        assertThat(Http.get(port, "/trending?window=24h&k=100").json().get("items").findValuesAsText("itemId")).contains("e2e-50");
    }

    @Test
    void badParametersAnswer400NamingThemAndUnknownIds404() {
        Http.Response badK = Http.get(port, "/users/e2e-u1/recommendations?k=0");
        assertThat(badK.status()).isEqualTo(400);
        assertThat(badK.json().get("problems").get(0).get("field").asText()).isEqualTo("k");
        Http.Response badWindow = Http.get(port, "/trending?window=7d");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.body()).contains("window");
        assertThat(Http.get(port, "/movies/does-not-exist").status()).isEqualTo(404);
        assertThat(Http.get(port, "/users/nobody-e2e/history").status()).isEqualTo(404);
        assertThat(Http.get(port, "/users/e2e-u1/predict").status()).isEqualTo(400);
        assertThat(Http.get(port, "/movies/e2e-1/similar?method=nearest").status()).isEqualTo(400);
    }

    @Test
    void movieDetailsSimilarAndAccentInsensitiveSearch() {
        JsonNode details = Http.get(port, "/movies/e2e-50").json();
        assertThat(details.get("stats").get("ratings").asLong()).isEqualTo(20);
        assertThat(details.get("stats").get("meanRating").asDouble()).isEqualTo(5.0);
        JsonNode similar = Http.get(port, "/movies/e2e-3/similar?k=4").json();
        assertThat(similar.get("items")).hasSize(4);
        assertThat(itemIds(similar)).doesNotContain("e2e-3");
        JsonNode search = Http.get(port, "/movies/search?q=AMELIE").json();
        assertThat(search.get("items").get(0).get("itemId").asText()).isEqualTo("e2e-7");
        JsonNode fuzzy = Http.get(port, "/movies/search?q=amelei").json();
        assertThat(fuzzy.get("items").findValuesAsText("itemId")).contains("e2e-7");
    }

    @Test
    void movieDetailsCarryWhatTheCatalogueKnowsFromImdbAndNothingWhenItKnowsNothing() {
        kafka.send(Topics.MOVIES, "e2e-imdb", Movie.newBuilder().setItemId("e2e-imdb").setTitle("Amores perros (2000)")
                .setYear(2000).setGenres(List.of("Drama")).setImdbId("tt0245712").setRuntime(154).setLanguage("es")
                .setRegion("MX").setImdbRating(8.0).setImdbVotes(250_000L).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(port, "/movies/e2e-imdb").status() == 200);

        JsonNode imdb = Http.get(port, "/movies/e2e-imdb").json().get("imdb");

        assertThat(imdb.get("id").asText()).isEqualTo("tt0245712");
        assertThat(imdb.get("runtime").asInt()).isEqualTo(154);
        assertThat(imdb.get("language").asText()).isEqualTo("es");
        assertThat(imdb.get("region").asText()).isEqualTo("MX");
        assertThat(imdb.get("rating").asDouble()).isEqualTo(8.0);
        assertThat(imdb.get("votes").asLong()).isEqualTo(250_000L);
        assertThat(Http.get(port, "/movies/e2e-50").json().get("imdb").isNull()).isTrue();
    }

    @Test
    void clustersAreListedAndGiveClusterSimilarity() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/clusters").status() == 200);
        JsonNode clusters = Http.get(port, "/clusters").json();
        assertThat(clusters.get("version").asLong()).isEqualTo(4);
        assertThat(clusters.get("clusters")).hasSize(3);
        assertThat(clusters.get("clusters").get(0).get("size").asInt()).isEqualTo(20);
        assertThat(Http.get(port, "/movies/e2e-50").json().get("cluster").asInt()).isEqualTo(2);
        JsonNode similar = Http.get(port, "/movies/e2e-50/similar?method=cluster&k=4").json();
        assertThat(similar.get("method").asText()).isEqualTo("cluster");
        // the fixture places item i at coordinate i: the closest members of e2e-50's cluster are 50 ± 3, then ± 6
        assertThat(itemIds(similar)).containsExactly("e2e-47", "e2e-53", "e2e-44", "e2e-56");
        assertThat(similar.get("items").get(0).get("similarity").asDouble()).isEqualTo(0.25)
                .isGreaterThan(similar.get("items").get(2).get("similarity").asDouble());
    }

    @Test
    void eachClusterNamesItsBestRatedTitlesAndPagesThroughItsMembers() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/clusters").status() == 200);
        JsonNode second = Http.get(port, "/clusters").json().get("clusters").get(2);
        assertThat(second.get("topTitles").get(0).get("itemId").asText()).isEqualTo("e2e-50");
        assertThat(second.get("topTitles").get(0).get("title").asText()).isEqualTo("E2E Movie 50");

        JsonNode first = Http.get(port, "/clusters/2?limit=3").json();
        assertThat(first.get("total").asInt()).isEqualTo(20);
        assertThat(first.get("label").asText()).isEqualTo("cluster 2");
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("items").get(0).get("itemId").asText()).isEqualTo("e2e-50");
        assertThat(first.get("items").get(0).get("ratings").asLong()).isEqualTo(20);
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 20; offset += 3) {
            Http.get(port, "/clusters/2?limit=3&offset=" + offset).json().get("items")
                    .forEach(i -> seen.add(i.get("itemId").asText()));
        }
        assertThat(seen).hasSize(20).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(4)) % 3).isEqualTo(2));
        assertThat(Http.get(port, "/clusters/2?offset=40").json().get("items")).isEmpty();
        assertThat(Http.get(port, "/clusters/3").status()).isEqualTo(404);
        assertThat(Http.get(port, "/clusters/first").status()).isEqualTo(400);
        assertThat(Http.get(port, "/clusters/1?limit=0").status()).isEqualTo(400);
    }

    @Test
    void modelsMetricsAndOpenApiAreServed() {
        JsonNode models = Http.get(port, "/models").json();
        assertThat(models.get(0).get("name").asText()).isEqualTo(MODEL);
        assertThat(models.get(0).get("version").asLong()).isEqualTo(1);
        assertThat(models.get(0).get("metrics").get("rmse").asDouble()).isEqualTo(0.93);
        Http.get(port, "/users/e2e-u1/recommendations");
        String metrics = Http.get(port, "/metrics").body();
        assertThat(metrics).contains("reelfm_serving_models_loaded", "reelfm_serving_model_version{model=\"" + MODEL + "\"} 1.0",
                "reelfm_serving_model_age_seconds{model=\"" + MODEL + "\"}", "reelfm_serving_consumer_lag",
                "reelfm_serving_scan_share{model=\"" + MODEL + "\"}",
                "reelfm_serving_fold_in_seconds_count", "reelfm_serving_variant_impressions{variant=",
                "reelfm_serving_variant_hit_rate{variant=", "http_server_requests_seconds_bucket{");
        JsonNode api = Http.get(port, "/openapi.json").json();
        assertThat(api.get("openapi").asText()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrder("/users/{id}/recommendations", "/users/{id}/predict",
                "/users/{id}/history", "/movies/{id}", "/movies/{id}/similar", "/movies/search", "/popular", "/trending",
                "/clusters", "/clusters/{id}", "/models", "/experiments", "/experiments/{name}", "/health/live", "/health/ready", "/metrics",
                "/openapi.json", "/catalog/stats", "/ingest/ratings", "/trainer/models");
        for (String path : List.of("/popular", "/trending", "/clusters", "/models", "/experiments", "/health/live", "/openapi.json")) {
            assertThat(Http.get(port, path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void catalogueStatisticsCountMoviesYearsGenresAndRatingsPerHalfStar() {
        // other tests of this class add movies and ratings, so figures are checked for consistency and lower bounds;
        // the statistics are a snapshot at most a second old, so the first answer may predate the setup's ratings
        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::catalogueStatisticsAreConsistent);
        assertThat(Http.get(port, "/catalog/stats?mostRated=1").json().get("mostRated")).hasSize(1);
        assertThat(Http.get(port, "/catalog/stats?mostRated=-1").status()).isEqualTo(400);
    }

    private void catalogueStatisticsAreConsistent() {
        JsonNode stats = Http.get(port, "/catalog/stats").json();
        int movies = stats.get("movies").asInt();
        assertThat(movies).isGreaterThanOrEqualTo(ITEMS);
        int perYear = 0;
        for (JsonNode y : stats.get("moviesPerYear")) {
            perYear += y.get("movies").asInt();
        }
        assertThat(perYear + stats.get("moviesWithoutYear").asInt()).isEqualTo(movies);
        Map<String, Integer> genres = new java.util.HashMap<>();
        stats.get("genres").forEach(g -> genres.put(g.get("genre").asText(), g.get("movies").asInt()));
        assertThat(genres.get("Comedy")).isGreaterThanOrEqualTo(30);
        assertThat(genres.get("Drama")).isGreaterThanOrEqualTo(30);
        Map<Double, Long> bins = new java.util.HashMap<>();
        stats.get("ratingDistribution").forEach(b -> bins.put(b.get("rating").asDouble(), b.get("count").asLong()));
        assertThat(bins.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(stats.get("ratings").asLong());
        assertThat(bins.get(1.0)).as("e2e-u1's four 1s").isGreaterThanOrEqualTo(4);
        assertThat(bins.get(5.0)).as("e2e-u1's four 5s and the crowd's twenty").isGreaterThanOrEqualTo(24);
        List<Long> counts = new ArrayList<>();
        stats.get("mostRated").forEach(m -> counts.add(m.get("ratings").asLong()));
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(stats.get("mostRated")).anySatisfy(m -> {
            assertThat(m.get("itemId").asText()).isEqualTo("e2e-50");
            assertThat(m.get("ratings").asLong()).isGreaterThanOrEqualTo(20);
            assertThat(m.get("meanRating").asDouble()).isEqualTo(5.0);
        });
    }

    @Test
    void trendingFiltersByGenre() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::trendingListsOnlyTheGenreAsked);
    }

    private void trendingListsOnlyTheGenreAsked() {
        JsonNode drama = Http.get(port, "/trending?genre=drama&k=100").json();
        assertThat(drama.get("items")).anySatisfy(i -> assertThat(i.get("itemId").asText()).isEqualTo("e2e-50"))
                .allSatisfy(i -> assertThat(i.get("genres").toString()).isEqualTo("[\"Drama\"]"));
        JsonNode comedy = Http.get(port, "/trending?genre=Comedy&k=100").json();
        assertThat(comedy.get("items")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("genres").toString()).isEqualTo("[\"Comedy\"]"));
    }

    @Test
    void browsersGetTheWebPageWhereApiClientsGetJson() {
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        for (String path : List.of("/", "/charts", "/users/e2e-u1", "/movies/e2e-7", "/movies/search?q=amelie")) {
            Http.Response page = Http.get(port, path, browser);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<script src=\"/assets/app.js\" defer></script>");
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
        }
        Http.Response json = Http.get(port, "/movies/e2e-7", Map.of("Accept", "application/json"));
        assertThat(json.json().get("title").asText()).isEqualTo("Amélie E2E");
        assertThat(Http.get(port, "/movies/e2e-7").json().get("itemId").asText()).as("no Accept header").isEqualTo("e2e-7");

        Http.Response script = Http.get(port, "/assets/app.js");
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(Http.get(port, "/assets/app.js", Map.of("If-None-Match", script.header("ETag"))).status()).isEqualTo(304);
        assertThat(Http.get(port, "/assets/chart.umd.js").body()).as("the bundled charting library").contains("Chart");
        assertThat(Http.get(port, "/assets/app.css").header("Content-Type")).startsWith("text/css");
        assertThat(Http.get(port, "/assets/pom.xml").status()).isEqualTo(404);
        assertThat(Http.get(port, "/assets/..%2Fopenapi.json").status()).isEqualTo(404);
    }

    @Test
    void pagePassThroughsSayWhichSettingIsMissing() {
        Http.Response rating = Http.postJson(port, "/ingest/ratings", "{\"userId\":\"u\",\"itemId\":\"e2e-1\",\"rating\":4}");
        assertThat(rating.status()).isEqualTo(501);
        assertThat(rating.json().get("error").asText()).contains("reelfm.serving.web.ingest-url");
        Http.Response models = Http.get(port, "/trainer/models");
        assertThat(models.status()).isEqualTo(501);
        assertThat(models.json().get("error").asText()).contains("reelfm.serving.web.trainer-url");
    }

    @Test
    void poisonRatingGoesToDeadLetterTopicAndLaterRatingsStillApply() {
        kafka.sendRaw(Topics.RATINGS.name(), "e2e-poison".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8));
        kafka.rating("e2e-poison", "e2e-12", 4f, T0.plusSeconds(900));

        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/users/e2e-poison/history").status() == 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAll(SharedKafka.bootstrapServers(), Topics.DEAD_LETTERS);
            assertThat(dead).anySatisfy(r -> {
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            });
        });
        ConsumerRecord<byte[], byte[]> raw = readDeadLetterWithHeaders();
        assertThat(new String(raw.headers().lastHeader(DeadLetterHandler.HEADER_REASON).value(), StandardCharsets.UTF_8))
                .contains("RatingEvent");
    }

    @Test
    void impressionsAndLaterRatingsOfRecommendedItemsShowUpInExperimentMetrics() {
        kafka.rating("e2e-ab", "e2e-30", 4f, T0.plusSeconds(1000));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/users/e2e-ab/history").status() == 200);
        JsonNode list = Http.get(port, "/users/e2e-ab/recommendations?k=3").json();
        kafka.rating("e2e-ab", list.get("items").get(0).get("itemId").asText(), 5f, T0.plusSeconds(1001));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode main = Http.get(port, "/experiments/main").json();
            assertThat(main.get("impressions").asLong()).isPositive();
            assertThat(main.get("hitImpressions").asLong()).isPositive();
            assertThat(main.get("meanRatingOfRated").asDouble()).isPositive();
            assertThat(main.get("coverage").asDouble()).isPositive();
        });
        assertThat(Http.get(port, "/experiments").json().get("variants").get(0).get("name").asText()).isEqualTo("main");
        assertThat(Http.get(port, "/experiments/unknown").status()).isEqualTo(404);
    }

    @Test
    void repeatedEventsAndASecondReplayChangeNoCount() {
        for (int u = 0; u < 3; u++) {
            kafka.rating("e2e-dup-" + u, "e2e-44", 4f, T0.plusSeconds(2000 + u));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(port, "/movies/e2e-44").json().get("stats").get("ratings").asLong() == 3);

        for (int repeat = 0; repeat < 5; repeat++) {
            for (int u = 0; u < 3; u++) {
                kafka.rating("e2e-dup-" + u, "e2e-44", 4f, T0.plusSeconds(2000 + u));
            }
        }
        kafka.rating("e2e-dup-marker", "e2e-44", 2f, T0.plusSeconds(2100));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(port, "/movies/e2e-44").json().get("stats").get("ratings").asLong() >= 4);
        JsonNode stats = Http.get(port, "/movies/e2e-44").json().get("stats");
        assertThat(stats.get("ratings").asLong()).isEqualTo(4);
        assertThat(stats.get("meanRating").asDouble()).isEqualTo(3.5);
    }

    @Test
    void undecodableMovieLeavesEveryEndpointAnsweringAndATombstoneHeals() {
        kafka.movie("e2e-poison-movie", "Poison Control E2E", 2001, "Drama");
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/movies/e2e-poison-movie").status() == 200);

        kafka.sendRaw(Topics.MOVIES.name(), "e2e-poison-movie".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.MOVIES.name(), "e2e-poison-new".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        kafka.movie("e2e-after-poison", "After The Poison E2E", 2002, "Comedy");

        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/movies/e2e-after-poison").status() == 200);
        assertThat(Http.get(port, "/movies/e2e-poison-movie").json().get("title").asText()).isEqualTo("Poison Control E2E");
        assertThat(Http.get(port, "/movies/e2e-poison-new").status()).isEqualTo(404);
        assertThat(Http.get(port, "/movies/search?q=poison").status()).isEqualTo(200);
        assertThat(Http.get(port, "/users/e2e-u1/recommendations?k=3").status()).isEqualTo(200);
        assertThat(Http.get(port, "/health/live").status()).isEqualTo(200);

        kafka.sendRaw(Topics.MOVIES.name(), "e2e-poison-movie".getBytes(StandardCharsets.UTF_8), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(port, "/movies/e2e-poison-movie").status() == 404);
        assertThat(Http.get(port, "/health/ready").status()).isEqualTo(200);
    }

    @Test
    void historyLimitIsValidatedAndApplied() {
        assertThat(Http.get(port, "/users/e2e-u1/history?limit=3").json().get("ratings")).hasSize(3);
        assertThat(Http.get(port, "/users/e2e-u1/history?limit=0").status()).isEqualTo(400);
        assertThat(Http.get(port, "/users/e2e-u1/history?limit=abc").json().get("problems").get(0).get("field").asText())
                .isEqualTo("limit");
    }

    @Test
    void errorsEchoLongInputOnlyInPartAndWrongMethodsAre405() throws Exception {
        String longId = "x".repeat(5000);
        Http.Response missing = Http.get(port, "/movies/" + longId);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().length()).isLessThan(400);

        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/popular"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET");
    }

    @Test
    void aClientMadeForwardedHeaderIsIgnored() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/users/e2e-u1/history")).header("X-ReelFM-Forwarded", "evil:1").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-ReelFM-Stale")).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> readDeadLetterWithHeaders() {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", SharedKafka.bootstrapServers());
        p.put("group.id", "dlq-check-" + java.util.UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        try (var c = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.DEAD_LETTERS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if ("garbage".equals(new String(r.value(), StandardCharsets.UTF_8))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter found");
    }

    private static List<String> itemIds(JsonNode r) {
        List<String> ids = new ArrayList<>();
        r.get("items").forEach(i -> ids.add(i.get("itemId").asText()));
        return ids;
    }
}
