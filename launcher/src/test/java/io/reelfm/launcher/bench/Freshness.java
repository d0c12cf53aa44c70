package io.reelfm.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.service.http.Json;

/**
 * Freshness as a user sees it: the time from posting a rating through ingest's HTTP API to the
 * moment that user's recommendations, asked at a serving instance, differ from before. The rated
 * item is the first one of the current list, so the list must change once serving has processed
 * the rating (an item the user rated is not recommended again).
 */
final class Freshness {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;

    private final HttpClient http;
    private final String ingest;
    private final String key;

    Freshness(HttpClient http, String ingest, String key) {
        this.http = http;
        this.key = key;
        this.ingest = ingest;
    }

    /**
     * Milliseconds from each post to the changed list, sorted; a sample that did not change within
     * {@link #GIVE_UP} (or failed) counts as -1 and is listed first.
     */
    long[] measure(int samples, int users, List<Integer> ports, Random random) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String user = String.valueOf(1 + random.nextInt(users));
            int port = ports.get(i % ports.size());
            String url = "http://localhost:" + port + "/users/" + user + "/recommendations?k=10";
            List<String> before = items(url);
            if (before == null || before.isEmpty()) {
                out.add(-1L);
                continue;
            }
            String body = "{\"eventId\":\"fresh-" + System.nanoTime() + "-" + i + "\",\"userId\":\"" + user + "\",\"itemId\":\""
                    + before.get(0) + "\",\"rating\":4.5}";
            long t0 = System.nanoTime();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/ratings"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 202) {
                System.out.println("freshness: ingest answered " + posted.statusCode() + ": " + posted.body());
                out.add(-1L);
                continue;
            }
            long took;
            try {
                org.awaitility.Awaitility.await("list of " + user + " changed").atMost(GIVE_UP)
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(POLL_MILLIS)).until(() -> {
                            List<String> now = items(url);
                            return now != null && !now.equals(before);
                        });
                took = (System.nanoTime() - t0) / 1_000_000;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                took = -1;
            }
            out.add(took);
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private List<String> items(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode item : Json.mapper().readTree(r.body()).get("items")) {
                ids.add(item.get("itemId").asText());
            }
            return ids;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
