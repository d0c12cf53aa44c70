package io.reelfm.ingest.http;

import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.ingest.body.BodyParser;
import io.reelfm.ingest.validate.RatingValidator;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;

/**
 * {@code POST /ratings} (one JSON object) and {@code POST /ratings/batch} (JSON array or
 * NDJSON). Answers 202 with the event ids once Kafka has committed them; ratings are keyed by
 * userId so one user's events stay ordered.
 */
final class RatingsResource {

    private final IngestPipeline pipeline;
    private final IngestPipeline.Spec<RatingEvent> single;
    private final IngestPipeline.Spec<RatingEvent> batch;

    RatingsResource(IngestPipeline pipeline, RatingValidator validator) {
        this.pipeline = pipeline;
        this.single = spec("ratings", BodyParser.Shape.OBJECT, validator);
        this.batch = spec("ratings_batch", BodyParser.Shape.ROWS, validator);
    }

    private static IngestPipeline.Spec<RatingEvent> spec(String endpoint, BodyParser.Shape shape, RatingValidator v) {
        return new IngestPipeline.Spec<>(endpoint, shape, v::validate, "eventId", RatingEvent::getEventId,
                Topics.RATINGS, RatingEvent::getUserId);
    }

    void register(Javalin app) {
        app.post("/ratings", this::one);
        app.post("/ratings/batch", this::many);
    }

    private void one(Context ctx) {
        RatingEvent event = pipeline.accept(ctx, single).values().get(0);
        ctx.status(202).json(Map.of("eventId", event.getEventId()));
    }

    private void many(Context ctx) {
        List<String> ids = pipeline.accept(ctx, batch).values().stream().map(RatingEvent::getEventId).toList();
        ctx.status(202).json(Map.of("eventIds", ids));
    }
}
