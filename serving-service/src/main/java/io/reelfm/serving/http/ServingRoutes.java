package io.reelfm.serving.http;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import io.javalin.Javalin;
import io.reelfm.service.http.ServiceApp;
import io.reelfm.serving.routing.UserRouter;
import io.reelfm.serving.unavailable.ServingUnavailable;
import io.reelfm.serving.web.PassThrough;
import io.reelfm.serving.web.WebPage;

/**
 * Registers every serving resource, and answers the two exceptions that are not
 * {@code ApiException}s as the 503 {@link ServingUnavailable} describes: Kafka Streams throws its
 * own {@link InvalidStateStoreException} while stores restore or move, and
 * {@link UserRouter.OwnerUnreachableException} is the router's signal to fail over, which
 * {@link UserResource} normally handles before it gets here.
 */
public final class ServingRoutes {

    private ServingRoutes() {
    }

    public static void register(Javalin app, UserResource users, MovieResource movies, RankingResource rankings,
                                ModelResource models, ClusterResource clusters, ExperimentResource experiments,
                                OpenApiResource openApi, CatalogResource catalog, WebPage page, PassThrough passThrough) {
        app.exception(InvalidStateStoreException.class, (e, ctx) -> ServiceApp.answer(ServingUnavailable.stateMoving(e), ctx));
        app.exception(UserRouter.OwnerUnreachableException.class,
                (e, ctx) -> ServiceApp.answer(ServingUnavailable.ownerUnreachable(e), ctx));
        users.register(app);
        movies.register(app);
        rankings.register(app);
        models.register(app);
        clusters.register(app);
        experiments.register(app);
        openApi.register(app);
        catalog.register(app);
        page.register(app, MovieResource.DETAILS_PATH);
        passThrough.register(app);
    }
}
