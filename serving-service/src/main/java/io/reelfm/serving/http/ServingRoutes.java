package io.reelfm.serving.http;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.reelfm.service.http.ErrorBody;
import io.reelfm.serving.model.ModelUnavailableException;
import io.reelfm.serving.routing.UserRouter;
import io.reelfm.serving.web.PassThrough;
import io.reelfm.serving.web.WebPage;

/**
 * Registers every serving resource and maps the transient states of a Kafka Streams service to
 * 503 with {@code Retry-After}: stores restoring or moving in a rebalance, a model not loaded
 * yet, an owning instance that does not answer. A client is told to retry rather than given an
 * empty answer that looks correct.
 */
public final class ServingRoutes {

    private static final Logger log = LoggerFactory.getLogger(ServingRoutes.class);
    static final String RETRY_AFTER_SECONDS = "1";

    private ServingRoutes() {
    }

    public static void register(Javalin app, UserResource users, MovieResource movies, RankingResource rankings,
                                ModelResource models, ExperimentResource experiments,
                                OpenApiResource openApi, CatalogResource catalog, WebPage page, PassThrough passThrough) {
        app.exception(InvalidStateStoreException.class, (e, ctx) -> {
            log.debug("{} {} -> 503: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS).status(503)
                    .json(new ErrorBody("state is not available on this instance right now (rebalancing or restoring): "
                            + e.getMessage(), null));
        });
        app.exception(ModelUnavailableException.class, (e, ctx) ->
                ctx.header("Retry-After", RETRY_AFTER_SECONDS).status(503).json(new ErrorBody(e.getMessage(), null)));
        app.exception(UserRouter.OwnerUnreachableException.class, (e, ctx) -> {
            log.warn("{} {} -> 503: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS).status(503).json(new ErrorBody(e.getMessage(), null));
        });
        users.register(app);
        movies.register(app);
        rankings.register(app);
        models.register(app);
        experiments.register(app);
        openApi.register(app);
        catalog.register(app);
        page.register(app, MovieResource.DETAILS_PATH);
        passThrough.register(app);
    }
}
