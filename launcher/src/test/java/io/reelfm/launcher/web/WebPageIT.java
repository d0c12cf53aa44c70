package io.reelfm.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticDataset;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplayProgress;
import io.reelfm.ingest.replay.Replayer;
import io.reelfm.launcher.demo.Demo;
import io.reelfm.launcher.demo.DemoComponents;
import io.reelfm.launcher.demo.DemoConfig;

/**
 * The web page in a real headless Chromium against the whole local stack (embedded broker,
 * ingest, trainer, serving) filled with generated data plus one movie whose title has an
 * accent, a comma and quotes. Each scenario leaves a screenshot in {@code target/screenshots}.
 * The last scenario stops ingest, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SPECIAL_ID = "9001";
    private static final String SPECIAL_TITLE = "Amélie, \"Le Fabuleux Destin d'Amélie Poulain\"";
    private static final Duration UI = Duration.ofSeconds(20);

    private static Demo demo;
    private static String serving;

    private Browser browser;

    @BeforeAll
    static void startStack() throws Exception {
        Assumptions.assumeTrue(Browser.unavailable().isEmpty(), () -> "skipping the browser tests: " + Browser.unavailable().orElse(""));
        DemoConfig config = DemoConfig.freePorts();
        demo = Demo.start(config, state -> DemoComponents.running(config, state));
        String ingest = demo.url("ingest");
        serving = demo.url("serving");
        String key = demo.apiKey().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(get(ingest + "/health/ready")) == 200);
        assertThat(status(post(ingest + "/movies", key, "{\"itemId\":\"" + SPECIAL_ID + "\",\"title\":"
                + JSON.writeValueAsString(SPECIAL_TITLE) + ",\"year\":2001,\"genres\":[\"Comedy\",\"Romance\"]}"))).isEqualTo(202);
        StringBuilder ratings = new StringBuilder("[");
        for (int u = 1; u <= 40; u++) {
            ratings.append(u == 1 ? "" : ",").append("{\"userId\":\"").append(u).append("\",\"itemId\":\"")
                    .append(SPECIAL_ID).append("\",\"rating\":").append(3 + u % 3).append('}');
        }
        assertThat(status(post(ingest + "/ratings/batch", key, ratings.append(']').toString()))).isEqualTo(202);
        new Replayer(ReplayConfig.defaults(demo.bootstrapServers()), ReplayProgress.NONE)
                .replay(new SyntheticDataset(SyntheticConfig.defaults().withSeed(21).withSize(300, 240, 12_000)));
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() ->
                status(get(serving + "/health/ready")) == 200
                        && status(get(serving + "/clusters")) == 200
                        && status(get(serving + "/movies/" + SPECIAL_ID + "/similar?method=cluster")) == 200
                        && status(get(serving + "/movies/" + SPECIAL_ID + "/similar")) == 200
                        && "fold-in".equals(JSON.readTree(get(serving + "/users/7/recommendations").body()).path("strategy").asText()));
    }

    @AfterAll
    static void stopStack() {
        if (demo != null) {
            demo.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void screenshotAndClose(TestInfo test) {
        if (browser != null) {
            browser.screenshot(test.getTestMethod().orElseThrow().getName());
            List<String> errors = browser.scriptErrors();
            browser.close();
            assertThat(errors).as("script errors on the page").isEmpty();
        }
    }

    @Test
    @Order(1)
    void searchSuggestsTitlesAndOpensAMovieWithSimilarAndSameClusterLinks() {
        browser.driver.get(serving + "/");
        WebElement search = browser.driver.findElement(By.id("search"));
        search.sendKeys("amelie");
        browser.await(UI, "a suggestion for 'amelie'", d -> d.findElements(By.cssSelector("#suggestions li.suggestion")).stream()
                .anyMatch(li -> li.getText().startsWith(SPECIAL_TITLE)));
        search.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);

        browser.await(UI, "the movie's page", d -> d.getCurrentUrl().endsWith("/movies/" + SPECIAL_ID));
        browser.await(UI, "the title", d -> d.findElement(By.id("movie-title")).getText().equals(SPECIAL_TITLE + " (2001)"));
        assertThat(browser.driver.findElement(By.id("movie-genres")).getText()).isEqualTo("Comedy · Romance");
        browser.await(UI, "the rating statistics", d -> d.findElement(By.id("movie-stats")).getText().matches("Mean rating \\d\\.\\d\\d from 40 ratings.*"));
        browser.await(UI, "the cluster's description", d -> d.findElement(By.id("movie-cluster")).getText()
                .matches("Content cluster \\d+: .+ — \\d+ movies, mostly .+"));
        List<WebElement> similar = browser.await(UI, "similar movies", d -> nonEmpty(d.findElements(By.cssSelector("#similar ol a.title"))));
        List<WebElement> sameCluster = browser.await(UI, "same-cluster movies",
                d -> nonEmpty(d.findElements(By.cssSelector("#same-cluster ol a.title"))));
        assertThat(similar).allMatch(a -> a.getAttribute("href").matches(".*/movies/\\d+"));
        assertThat(sameCluster).allMatch(a -> a.getAttribute("href").matches(".*/movies/\\d+") && !a.getAttribute("href").endsWith("/" + SPECIAL_ID));

        String target = similar.get(0).getAttribute("href");
        String targetTitle = similar.get(0).getText();
        similar.get(0).click();
        browser.await(UI, "the similar movie's page", d -> d.getCurrentUrl().equals(target)
                && d.findElement(By.id("movie-title")).getText().equals(targetTitle));
        browser.driver.navigate().back();
        browser.await(UI, "back on the first movie", d -> d.findElement(By.id("movie-title")).getText().startsWith(SPECIAL_TITLE));
    }

    @Test
    @Order(2)
    void aNewVisitorRatesMoviesAndTheRecommendationsFollowWithoutShowingThemAgain() throws Exception {
        browser.driver.get(serving + "/");
        browser.driver.findElement(By.id("new-visitor")).click();
        browser.await(UI, "the visitor's page", d -> d.getCurrentUrl().contains("/users/visitor-"));
        String visitor = browser.driver.getCurrentUrl().replaceAll(".*/users/", "");
        List<String> first = awaitList();
        assertThat(first).hasSize(10);

        Set<String> rated = new HashSet<>();
        List<Long> freshness = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rated.add(rateFirstInList(4 + i % 2, freshness));
        }
        List<String> afterThree = awaitList();
        assertThat(afterThree).hasSize(10).doesNotContainAnyElementsOf(rated);
        assertThat(browser.driver.findElement(By.id("rec-strategy")).getText()).startsWith("personal");
        assertThat(browser.driver.findElement(By.id("rec-variant")).getText()).matches("variant \\S+");
        assertThat(browser.driver.findElements(By.cssSelector("#rec-list .reason")))
                .extracting(WebElement::getText).allMatch(r -> r.startsWith("Because you rated "));

        rated.add(rateFirstInList(5, freshness));
        List<String> afterFour = awaitList();
        assertThat(afterFour).isNotEqualTo(afterThree).doesNotContainAnyElementsOf(rated);
        assertThat(browser.driver.findElement(By.id("freshness")).getText()).matches("Your list changed \\d+ ms after your rating\\.");
        browser.await(UI, "the four ratings in 'Your ratings'", d -> d.findElements(By.cssSelector("#history li")).size() == 4);

        JsonNode history = JSON.readTree(get(serving + "/users/" + visitor + "/history").body());
        assertThat(history.path("count").asInt()).as("the ratings went through ingest and Kafka").isEqualTo(4);
        System.out.printf("web page: list changed %s ms after each rating%n", freshness);
    }

    @Test
    @Order(3)
    void chartsRenderFromTheCatalogueTheClustersTheTrainerAndTheExperiment() throws Exception {
        int rated = JSON.readTree(get(serving + "/catalog/stats").body()).path("ratedMovies").asInt();
        browser.driver.get(serving + "/charts");
        List<String> charts = List.of("chart-years", "chart-ratings", "chart-scatter", "chart-clusters", "chart-models", "chart-experiments");
        browser.await(UI, "six charts", d -> ((Number) browser.js("return Object.keys(window.reelfm.charts).length")).intValue() == charts.size());
        for (String id : charts) {
            long points = ((Number) browser.js("return window.reelfm.charts[arguments[0]].data.datasets"
                    + ".reduce((n, d) => n + d.data.filter(v => v != null).length, 0)", id)).longValue();
            assertThat(points).as(id + " data points").isPositive();
            long painted = ((Number) browser.js("const c = document.getElementById(arguments[0]);"
                    + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n;", id)).longValue();
            assertThat(painted).as(id + " painted pixels").isPositive();
        }
        long scatter = ((Number) browser.js("return window.reelfm.charts['chart-scatter'].data.datasets[0].data.length")).longValue();
        assertThat(scatter).as("one point per rated movie").isEqualTo(rated).isGreaterThan(200);
        assertThat(browser.driver.findElements(By.cssSelector(".panel .error"))).isEmpty();
    }

    @Test
    @Order(4)
    void atPhoneWidthNoViewScrollsSideways() {
        browser.phoneWidth();
        browser.driver.get(serving + "/users/7");
        awaitList();
        assertNoSidewaysScroll("recommendations");
        browser.screenshot("phone-recommendations");
        browser.driver.get(serving + "/movies/" + SPECIAL_ID);
        browser.await(UI, "similar movies", d -> nonEmpty(d.findElements(By.cssSelector("#similar ol a.title"))));
        assertNoSidewaysScroll("movie");
        browser.screenshot("phone-movie");
        browser.driver.get(serving + "/charts");
        browser.await(UI, "six charts", d -> ((Number) browser.js("return Object.keys(window.reelfm.charts).length")).intValue() == 6);
        assertNoSidewaysScroll("charts");
    }

    @Test
    @Order(5)
    void deepLinksOpenTheirViewAndAUsersListPaintsQuickly() throws IOException {
        browser.driver.get(serving + "/movies/" + SPECIAL_ID);
        browser.await(UI, "the movie deep link", d -> d.findElement(By.id("movie-title")).getText().startsWith(SPECIAL_TITLE));

        List<Double> loads = new ArrayList<>();
        List<Double> paints = new ArrayList<>();
        List<Double> apiCalls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            browser.driver.get(serving + "/users/7");
            awaitList();
            loads.add(number("return window.reelfm.timings.firstRecommendations"));
            paints.add(number("const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1"));
            apiCalls.add(number("const r = performance.getEntriesByType('resource').filter(e => e.name.includes('/recommendations'));"
                    + "return r.length ? r[0].duration : -1"));
        }
        assertThat(browser.driver.findElement(By.id("who-user")).getText()).isEqualTo("7");
        assertThat(paints).allMatch(p -> p > 0);
        assertThat(apiCalls).allMatch(p -> p > 0);
        String figures = String.format("page load to a rendered list for an existing user (navigation start to list in the DOM): "
                + "first %.0f ms, then median %s over %d loads; first contentful paint median %s; "
                + "the recommendations call inside it median %s%n",
                loads.get(0), median(loads.subList(1, loads.size())), loads.size() - 1,
                median(paints.subList(1, paints.size())), median(apiCalls.subList(1, apiCalls.size())));
        System.out.print("web page: " + figures);
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("page-load.txt"), figures);
    }

    @Test
    @Order(6)
    void ratingsFromThePageGetIngestsOwnAnswers() throws Exception {
        String ingest = demo.url("ingest");
        String bad = "{\"userId\":\"page-check\",\"itemId\":\"1\",\"rating\":7}";
        HttpResponse<String> direct = post(ingest + "/ratings", demo.apiKey().orElseThrow(), bad);
        HttpResponse<String> relayed = HTTP.send(HttpRequest.newBuilder(URI.create(serving + "/ingest/ratings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bad)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(400);
        assertThat(relayed.statusCode()).isEqualTo(400);
        assertThat(relayed.body()).isEqualTo(direct.body()).contains("rating");
        HttpResponse<String> wrongKey = post(serving + "/ingest/ratings", "not-a-key",
                "{\"userId\":\"page-check\",\"itemId\":\"1\",\"rating\":4}");
        assertThat(wrongKey.statusCode()).as("a visitor's own key is relayed instead of the page's").isEqualTo(401);
        JsonNode models = JSON.readTree(get(serving + "/trainer/models").body());
        assertThat(models).as("the trainer's model history").anySatisfy(m -> assertThat(m.path("versions")).isNotEmpty());
    }

    @Test
    @Order(7)
    void failedCallsShowTheirMessageInThePanelThatNeededThem() {
        browser.driver.get(serving + "/movies/no-such-movie");
        browser.await(UI, "the missing movie's message", d -> d.findElement(By.cssSelector("#movie .error")).getText()
                .equals("movie no-such-movie not found"));

        browser.driver.get(serving + "/");
        browser.driver.findElement(By.id("new-visitor")).click();
        awaitList();
        demo.components().stream().filter(s -> s.name().equals("ingest")).findFirst().orElseThrow().running().close();
        browser.driver.findElement(By.cssSelector("#rec-list li.movie button.star[data-stars='3']")).click();
        browser.await(UI, "ingest's failure next to the stars", d -> d.findElement(By.cssSelector("#rec-list .rate-status .error"))
                .getText().startsWith("Rating not saved: ingest did not answer"));
    }

    /** Rates the first movie of the list and waits for the list to change; returns the movie's id. */
    private String rateFirstInList(int stars, List<Long> freshness) {
        browser.js("window.reelfm.timings.lastChangeMs = null");
        WebElement movie = browser.driver.findElement(By.cssSelector("#rec-list li.movie"));
        String id = movie.getAttribute("data-item");
        movie.findElement(By.cssSelector("button.star[data-stars='" + stars + "']")).click();
        Number ms = browser.await(UI, "the list to change after rating " + id,
                d -> (Number) browser.js("return window.reelfm.timings.lastChangeMs"));
        freshness.add(ms.longValue());
        return id;
    }

    private double number(String script) {
        return ((Number) browser.js(script)).doubleValue();
    }

    private static String median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.0f ms (min %.0f, max %.0f)", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private List<String> awaitList() {
        return browser.await(UI, "a recommendation list", d -> {
            List<String> ids = d.findElements(By.cssSelector("#rec-list li.movie")).stream().map(e -> e.getAttribute("data-item")).toList();
            return ids.isEmpty() ? null : ids;
        });
    }

    private void assertNoSidewaysScroll(String view) {
        long scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth")).longValue();
        long width = ((Number) browser.js("return window.innerWidth")).longValue();
        assertThat(width).as("emulated phone width").isEqualTo(375);
        assertThat(scrollWidth).as(view + " page width at 375 px").isLessThanOrEqualTo(width);
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String key, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }
}
