package io.reelfm.ingest.http;

import java.time.Clock;

import io.javalin.Javalin;
import io.reelfm.ingest.catalog.CatalogueIds;
import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.publish.TransactionalPublisher;
import io.reelfm.ingest.validate.MovieValidator;
import io.reelfm.ingest.validate.RatingValidator;
import io.reelfm.ingest.validate.RecordRules;
import io.reelfm.ingest.validate.UserValidator;

/** Wires the ingest resources onto an app; the only entry point the service needs into this package. */
public final class IngestRoutes {

    private IngestRoutes() {
    }

    public static void register(Javalin app, IngestConfig config, TransactionalPublisher publisher,
                                CatalogueIds catalogue, IngestMetrics metrics, Clock clock) {
        IngestPipeline pipeline = new IngestPipeline(config, publisher, metrics);
        RecordRules rules = RecordRules.of(config, clock);
        new RatingsResource(pipeline, new RatingValidator(rules), catalogue, metrics).register(app);
        new UpsertResource(pipeline, new MovieValidator(rules), new UserValidator(rules), catalogue).register(app);
    }
}
