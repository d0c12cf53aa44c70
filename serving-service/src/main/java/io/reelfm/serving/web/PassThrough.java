package io.reelfm.serving.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.service.auth.Authenticator;
import io.reelfm.service.http.ApiException;

/**
 * Relays the page's calls to ingest and the trainer so that the page needs only its own origin:
 * {@code POST /ingest/ratings} to ingest's {@code POST /ratings} and {@code GET /trainer/models}
 * to the trainer's {@code GET /models}. The answer (status, body, {@code Retry-After},
 * {@code WWW-Authenticate}) is passed back unchanged, so the page shows exactly the validation
 * errors the API gives. The visitor's own key is relayed when they send one; otherwise the
 * configured {@link WebConfig#ingestKey()}.
 */
public final class PassThrough {

    private static final Logger log = LoggerFactory.getLogger(PassThrough.class);
    /** A single rating is a few hundred bytes; anything larger is not one. */
    static final int MAX_RATING_BYTES = 16 * 1024;

    private final WebConfig config;
    private final HttpClient http;

    public PassThrough(WebConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public void register(Javalin app) {
        app.post("/ingest/ratings", this::rating);
        app.get("/trainer/models", this::models);
    }

    private void rating(Context ctx) throws InterruptedException {
        String ingest = config.ingest().orElseThrow(() -> notConfigured("rating from the page", "reelfm.serving.web.ingest-url"));
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_RATING_BYTES) {
            throw new ApiException(413, "a rating from the page must be at most " + MAX_RATING_BYTES + " bytes, was " + body.length);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest + "/ratings")).timeout(config.timeout())
                .header("Content-Type", Optional.ofNullable(ctx.contentType()).orElse("application/json"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String authorization = ctx.header("Authorization");
        String apiKey = ctx.header(Authenticator.API_KEY_HEADER);
        if (authorization != null) {
            request.header("Authorization", authorization);
        } else if (apiKey != null) {
            request.header(Authenticator.API_KEY_HEADER, apiKey);
        } else if (!config.ingestKey().isEmpty()) {
            request.header("Authorization", "Bearer " + config.ingestKey());
        }
        relay(ctx, "ingest", request.build());
    }

    private void models(Context ctx) throws InterruptedException {
        String trainer = config.trainer().orElseThrow(() -> notConfigured("the model history", "reelfm.serving.web.trainer-url"));
        relay(ctx, "the trainer", HttpRequest.newBuilder(URI.create(trainer + "/models")).timeout(config.timeout()).GET().build());
    }

    private void relay(Context ctx, String service, HttpRequest request) throws InterruptedException {
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.debug("{} {} -> {} did not answer", ctx.method(), ctx.path(), service, e);
            throw ApiException.unavailable(service + " did not answer (" + describe(e) + "); try again shortly", 2, e);
        }
        answer.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
        answer.headers().firstValue("WWW-Authenticate").ifPresent(v -> ctx.header("WWW-Authenticate", v));
        ctx.status(answer.statusCode())
                .contentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
                .result(answer.body());
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static ApiException notConfigured(String what, String key) {
        return new ApiException(501, what + " is not configured on this instance: set " + key);
    }
}
