package io.reelfm.ingest;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reelfm.ingest.catalog.CatalogueIds;
import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.http.IngestMetrics;
import io.reelfm.ingest.http.IngestRoutes;
import io.reelfm.ingest.kafka.KafkaReadiness;
import io.reelfm.ingest.publish.TransactionalPublisher;
import io.reelfm.service.http.RunningService;
import io.reelfm.service.http.ServiceApp;
import io.reelfm.service.http.ServiceAppConfig;

/**
 * The running ingest service: HTTP on {@link IngestConfig#port()}, writing validated ratings,
 * movies and users to Kafka. Built and started in one call so the standalone main, the
 * all-in-one launcher and tests run exactly the same component.
 *
 * <p>Start does not require Kafka to be up: writes answer 503 with Retry-After and
 * {@code /health/ready} reports not ready until it is.
 */
public final class IngestService extends RunningService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final TransactionalPublisher publisher;
    private final KafkaReadiness readiness;
    private final CatalogueIds catalogue;

    private IngestService(ServiceApp app, TransactionalPublisher publisher, KafkaReadiness readiness,
                          CatalogueIds catalogue) {
        super(app);
        this.publisher = publisher;
        this.readiness = readiness;
        this.catalogue = catalogue;
    }

    public static IngestService start(IngestConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** @param clock the server's notion of now, for default timestamps and the future-skew check */
    public static IngestService start(IngestConfig config, Clock clock) {
        KafkaReadiness readiness = new KafkaReadiness(config);
        TransactionalPublisher publisher = new TransactionalPublisher(config);
        CatalogueIds catalogue = CatalogueIds.start(config);
        try {
            readiness.start();
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            IngestMetrics metrics = new IngestMetrics(registry);
            ServiceAppConfig http = new ServiceAppConfig("ingest", config.host(), config.port(),
                    config.maxBodyBytes() + 1, config.stopTimeout());
            ServiceApp app = ServiceApp.create(http, readiness, registry,
                    javalin -> IngestRoutes.register(javalin, config, publisher, catalogue, metrics, clock));
            app.start();
            log.info("Ingest service on port {}, Kafka at {}", app.port(), config.bootstrapServers());
            return new IngestService(app, publisher, readiness, catalogue);
        } catch (RuntimeException e) {
            publisher.close();
            readiness.close();
            catalogue.close();
            throw e;
        }
    }

    /** Closes the Kafka clients. */
    @Override
    protected void stopBehindHttp() {
        publisher.close();
        readiness.close();
        catalogue.close();
    }
}
