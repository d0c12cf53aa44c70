package io.reelfm.serving.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.service.http.Json;

/** A tiny HTTP GET client for tests against a real port. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static Response get(int port, String pathAndQuery) {
        return get(port, pathAndQuery, java.util.Map.of());
    }

    static Response get(int port, String pathAndQuery, java.util.Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(r::header);
        return send(r.build());
    }

    static Response postJson(int port, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Response send(HttpRequest r) {
        try {
            HttpResponse<String> resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
            return new Response(resp.statusCode(), resp.body(), resp.headers().firstValue("Retry-After").orElse(null), resp.headers());
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, String retryAfter, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
