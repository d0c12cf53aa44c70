package io.reelfm.ingest.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.ingest.body.BodyParser;
import io.reelfm.ingest.catalog.CatalogueIds;
import io.reelfm.ingest.validate.RatingValidator;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;

/**
 * {@code POST /ratings} (one JSON object) and {@code POST /ratings/batch} (JSON array or
 * NDJSON). Answers 202 with the event ids once Kafka has committed them, and, once the
 * catalogue has been read, which rated items it does not list; ratings are keyed by userId so
 * one user's events stay ordered.
 */
final class RatingsResource {

    private final IngestPipeline pipeline;
    private final CatalogueIds catalogue;
    private final IngestMetrics metrics;
    private final IngestPipeline.Spec<RatingEvent> single;
    private final IngestPipeline.Spec<RatingEvent> batch;

    RatingsResource(IngestPipeline pipeline, RatingValidator validator, CatalogueIds catalogue, IngestMetrics metrics) {
        this.pipeline = pipeline;
        this.catalogue = catalogue;
        this.metrics = metrics;
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
        List<RatingEvent> events = pipeline.accept(ctx, single).values();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventId", events.get(0).getEventId());
        ctx.status(202).json(withCatalogue(answer, events));
    }

    private void many(Context ctx) {
        List<RatingEvent> events = pipeline.accept(ctx, batch).values();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventIds", events.stream().map(RatingEvent::getEventId).toList());
        ctx.status(202).json(withCatalogue(answer, events));
    }

    /**
     * Adds {@code uncataloguedItems} (the rated items with no catalogue record, possibly empty)
     * once the catalogue has been read, and counts the ratings either way.
     */
    private Map<String, Object> withCatalogue(Map<String, Object> answer, List<RatingEvent> events) {
        List<String> items = events.stream().map(RatingEvent::getItemId).toList();
        Optional<List<String>> unlisted = catalogue.unlisted(items);
        if (unlisted.isEmpty()) {
            metrics.ratingsByCatalogue("not_read_yet", events.size());
            return answer;
        }
        Set<String> missing = Set.copyOf(unlisted.get());
        int unlistedRatings = (int) items.stream().filter(missing::contains).count();
        metrics.ratingsByCatalogue("unlisted", unlistedRatings);
        metrics.ratingsByCatalogue("listed", events.size() - unlistedRatings);
        answer.put("uncataloguedItems", unlisted.get());
        return answer;
    }
}
