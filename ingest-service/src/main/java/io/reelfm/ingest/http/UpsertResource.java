package io.reelfm.ingest.http;

import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.ingest.body.BodyParser;
import io.reelfm.ingest.catalog.CatalogueIds;
import io.reelfm.ingest.validate.MovieValidator;
import io.reelfm.ingest.validate.UserValidator;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;

/**
 * {@code POST /movies} and {@code POST /users}: upserts onto the compacted catalogue topics,
 * keyed by id so the latest record wins. Each takes one object (answer {@code {"itemId": ...}}
 * or {@code {"userId": ...}}) or a JSON array / NDJSON of them (answer {@code {"itemIds": [...]}}
 * or {@code {"userIds": [...]}}); 202 once Kafka has committed.
 */
final class UpsertResource {

    private final IngestPipeline pipeline;
    private final CatalogueIds catalogue;
    private final IngestPipeline.Spec<Movie> movies;
    private final IngestPipeline.Spec<UserProfile> users;

    UpsertResource(IngestPipeline pipeline, MovieValidator movieValidator, UserValidator userValidator,
                   CatalogueIds catalogue) {
        this.pipeline = pipeline;
        this.catalogue = catalogue;
        this.movies = new IngestPipeline.Spec<>("movies", BodyParser.Shape.OBJECT_OR_ROWS, movieValidator::validate,
                null, null, Topics.MOVIES, Movie::getItemId);
        this.users = new IngestPipeline.Spec<>("users", BodyParser.Shape.OBJECT_OR_ROWS, userValidator::validate,
                null, null, Topics.USERS, UserProfile::getUserId);
    }

    void register(Javalin app) {
        app.post("/movies", ctx -> catalogue.listed(upsert(ctx, movies, "itemId")));
        app.post("/users", ctx -> upsert(ctx, users, "userId"));
    }

    /** @return the ids written */
    private <T> List<String> upsert(Context ctx, IngestPipeline.Spec<T> spec, String idField) {
        IngestPipeline.Accepted<T> accepted = pipeline.accept(ctx, spec);
        List<String> ids = accepted.values().stream().map(spec.key()).toList();
        ctx.status(202).json(accepted.batch() ? Map.of(idField + "s", ids) : Map.of(idField, ids.get(0)));
        return ids;
    }
}
