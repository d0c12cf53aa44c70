package io.reelfm.ingest.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.body.BodyFormat;
import io.reelfm.ingest.body.BodyParser;
import io.reelfm.ingest.publish.PublishException;
import io.reelfm.ingest.publish.TransactionalPublisher;
import io.reelfm.ingest.validate.RowsValidator;
import io.reelfm.ingest.validate.Validated;
import io.reelfm.schemas.Topic;
import io.reelfm.service.auth.Authenticator;
import io.reelfm.service.http.ApiException;
import io.reelfm.service.http.Json;

/**
 * The one path every write takes: the API key when keys are configured (401/403), content type
 * (415), size (413), JSON shape and every row's validity (400, all problems at once), the key's
 * rate limit (429), then one Kafka transaction for the whole request (503
 * with Retry-After if Kafka does not acknowledge it). Nothing is sent to Kafka unless every
 * check passed, which is what makes a request all-or-nothing.
 */
final class IngestPipeline {

    /** How one endpoint's rows become records on its topic. */
    record Spec<T>(String endpoint, BodyParser.Shape shape, Function<JsonNode, Validated<T>> validator,
                   String uniqueField, Function<T, String> uniqueKey, Topic<String, T> topic, Function<T, String> key) {
    }

    /** The accepted values and whether the request was a batch. */
    record Accepted<T>(List<T> values, boolean batch) {
    }

    private final IngestConfig config;
    private final RequestBodyReader reader;
    private final BodyParser parser;
    private final TransactionalPublisher publisher;
    private final IngestMetrics metrics;
    private final Authenticator auth;
    private final RateLimiter limiter;

    IngestPipeline(IngestConfig config, TransactionalPublisher publisher, IngestMetrics metrics) {
        this.config = config;
        this.reader = new RequestBodyReader(config.maxBodyBytes());
        this.parser = new BodyParser(Json.mapper(), config.maxBatchRows());
        this.publisher = publisher;
        this.metrics = metrics;
        this.auth = new Authenticator(config.apiKeys());
        this.limiter = new RateLimiter(config.rateLimit(), System::nanoTime);
    }

    <T> Accepted<T> accept(Context ctx, Spec<T> spec) {
        try {
            Accepted<T> accepted = run(ctx, spec);
            metrics.request(spec.endpoint(), "accepted");
            return accepted;
        } catch (ApiException e) {
            metrics.request(spec.endpoint(), IngestMetrics.outcome(e.status()));
            throw e;
        } catch (RuntimeException e) {
            metrics.request(spec.endpoint(), IngestMetrics.outcome(500));
            throw e;
        }
    }

    private <T> Accepted<T> run(Context ctx, Spec<T> spec) {
        String key = auth.requireWriter(ctx);
        BodyFormat format = reader.format(ctx);
        byte[] body = reader.read(ctx);
        Validated<BodyParser.Parsed> parsed = parser.parse(body, format, spec.shape());
        if (!parsed.ok()) {
            throw ApiException.badRequest("invalid request body", parsed.problems());
        }
        boolean batch = parsed.value().batch();
        Validated<List<T>> rows = RowsValidator.validate(parsed.value().rows(), spec.validator(), batch,
                spec.uniqueField(), spec.uniqueKey());
        if (!rows.ok()) {
            throw ApiException.badRequest(batch ? "invalid rows; nothing was written" : "invalid " + spec.endpoint()
                    + "; nothing was written", rows.problems());
        }
        long wait = limiter.acquire(key, rows.value().size());
        if (wait > 0) {
            throw new ApiException(429, "rate limit of " + config.rateLimit() + " rows per second for this key exceeded;"
                    + " nothing was written", List.of(), Map.of("Retry-After", String.valueOf(wait)), null);
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(rows.value().size());
        for (T value : rows.value()) {
            records.add(spec.topic().record(spec.key().apply(value), value));
        }
        long start = System.nanoTime();
        try {
            publisher.publish(records);
        } catch (PublishException e) {
            throw ApiException.unavailable("Kafka is unavailable; nothing was written: " + e.getMessage(),
                    config.retryAfter().toSeconds(), e);
        }
        metrics.produceLatency(spec.topic().name(), System.nanoTime() - start);
        metrics.written(spec.topic().name(), records.size());
        return new Accepted<>(rows.value(), batch);
    }
}
