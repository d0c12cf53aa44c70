package io.reelfm.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.service.http.Readiness;
import io.reelfm.service.http.RunningService;
import io.reelfm.service.http.ServiceApp;
import io.reelfm.service.http.ServiceAppConfig;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.experiment.ExperimentStats;
import io.reelfm.serving.experiment.ExperimentTopology;
import io.reelfm.serving.experiment.ImpressionPublisher;
import io.reelfm.serving.variant.Variants;
import io.reelfm.serving.lists.ListLimits;
import io.reelfm.serving.http.LoadShedder;
import io.reelfm.serving.http.ClusterResource;
import io.reelfm.serving.http.ModelResource;
import io.reelfm.serving.http.MovieResource;
import io.reelfm.serving.http.OpenApiResource;
import io.reelfm.serving.http.RankingResource;
import io.reelfm.serving.http.ExperimentResource;
import io.reelfm.serving.http.ServingRoutes;
import io.reelfm.serving.metrics.ServingMetrics;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import io.reelfm.serving.http.CatalogResource;
import io.reelfm.serving.web.PassThrough;
import io.reelfm.serving.web.WebPage;
import io.reelfm.serving.http.UserResource;
import io.reelfm.serving.model.ModelLoader;
import io.reelfm.serving.model.ModelRegistry;
import io.reelfm.serving.model.SnapshotSource;
import io.reelfm.serving.model.UserVectorCache;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.recommend.Recommender;
import io.reelfm.serving.routing.UserRouter;
import io.reelfm.serving.state.StreamsLag;
import io.reelfm.serving.state.StreamsStores;
import io.reelfm.serving.topology.ReplaceThreadHandler;
import io.reelfm.serving.topology.ServingTopology;
import io.reelfm.serving.topology.StoreNames;

/**
 * A running serving instance: HTTP server, Kafka Streams application and model loader, built
 * and started in one call so the standalone main, the all-in-one launcher and tests run the
 * same component. The HTTP server starts first so its bound port can be advertised as
 * {@code application.server}; until the stores are restored and every variant's model is
 * loaded, {@code /health/ready} says no and state-dependent endpoints answer 503.
 */
public final class ServingService extends RunningService {

    private static final Logger log = LoggerFactory.getLogger(ServingService.class);

    private final ServingConfig config;
    private final KafkaStreams streams;
    private final ModelLoader loader;
    private final ModelRegistry registry;
    private final ImpressionPublisher impressions;
    private final StreamsLag streamsLag;
    private final UserRouter router;

    private ServingService(ServingConfig config, ServiceApp app, KafkaStreams streams, ModelLoader loader, ModelRegistry registry,
                           ImpressionPublisher impressions, StreamsLag streamsLag, UserRouter router) {
        super(app);
        this.router = router;
        this.streamsLag = streamsLag;
        this.impressions = impressions;
        this.config = config;
        this.streams = streams;
        this.loader = loader;
        this.registry = registry;
    }

    public static ServingService start(ServingConfig config) {
        TopicCreator.ensure(config.bootstrapServers(), config.kafkaClient().values(), topics(config), config.replicationFactor(), Duration.ofSeconds(30));
        StreamsStores stores = new StreamsStores();
        ModelRegistry registry = new ModelRegistry(!"none".equals(config.clusterModel()));
        Variants variants = new Variants(config.variants());
        ListLimits limits = new ListLimits(config.maxK());
        java.util.concurrent.atomic.AtomicLong catalogueChanges = new java.util.concurrent.atomic.AtomicLong();
        Catalog catalog = new Catalog(stores, catalogueChanges::get);
        PopularityRanker ranker = new PopularityRanker(stores, catalog, config.minVotes());
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StreamsLag streamsLag = new StreamsLag(config.bootstrapServers(), config.kafkaClient(), config.applicationId());
        Supplier<ReadOnlyKeyValueStore<String, ExperimentStats>> experimentStore = () -> stores.streams().store(
                StoreQueryParameters.fromNameAndType(ExperimentTopology.STATS_STORE, QueryableStoreTypes.<String, ExperimentStats>keyValueStore()));
        ServingMetrics metrics = ServingMetrics.register(meters, config.loadedModelNames(), registry, streamsLag, config.variants(),
                experimentStore);
        Recommender recommender = new Recommender(stores, catalog, ranker, registry, new UserVectorCache(config.userVectorCache(), metrics::foldedIn),
                variants, config.ratingModel());
        ReplaceThreadHandler threadHandler = new ReplaceThreadHandler();
        Readiness readiness = () -> readiness(stores, streamsLag, registry, config);
        UserRouter router = new UserRouter(stores, config.forwardTimeout(), config.forwardingSecret());
        if (config.internalSecret().isBlank()) {
            log.warn("No reelfm.serving.internal-secret or reelfm.api-keys set: requests forwarded between instances are "
                    + "signed with a secret derived from the application id, which a client who knows it could imitate");
        }
        LoadShedder shedder = new LoadShedder(config.maxInFlight(), config.maxQueueWait());
        ImpressionPublisher impressions = new ImpressionPublisher(config.bootstrapServers(), config.kafkaClient().values(), config.impressionLinger());
        Readiness liveness = () -> liveness(stores);
        ServiceApp app = ServiceApp.create(new ServiceAppConfig("serving", config.host(), config.port(),
                        ServiceAppConfig.DEFAULT_MAX_REQUEST_BYTES, config.stopTimeout()), liveness, readiness, meters,
                javalin -> ServingRoutes.register(javalin,
                        new UserResource(recommender, catalog, router, stores, limits, impressions, shedder, config.sessionTimeout()),
                        new MovieResource(catalog, ranker, registry, variants, limits),
                        new RankingResource(ranker, limits), new ModelResource(registry, variants),
                        new ClusterResource(registry, catalog, ranker, limits),
                        new ExperimentResource(variants, experimentStore, stores, config.impressionWindow().toSeconds()),
                        new OpenApiResource(), new CatalogResource(catalog, ranker), new WebPage(),
                        new PassThrough(config.web())));
        KafkaStreams streams = null;
        ModelLoader loader = null;
        try {
            app.start();
            HostInfo self = new HostInfo(config.advertisedHost(), app.port());
            streams = new KafkaStreams(ServingTopology.build(config.itemStatsTopic(), config.maxHistory(), config.dedupeCapacity(),
                            catalogueChanges::incrementAndGet, (builder, ratings) -> ExperimentTopology.add(builder, ratings, config.experimentStatsTopic(),
                                    config.impressionWindow())),
                    StreamsSettings.of(config, app.port()));
            streams.setUncaughtExceptionHandler(threadHandler);
            stores.attach(streams, self);
            streams.start();
            streamsLag.start(streams);
            KafkaStreams s = streams;
            loader = new ModelLoader(config.loadedModelNames(), SnapshotSource.of(
                    () -> s.store(StoreQueryParameters.fromNameAndType(StoreNames.MODEL_ACTIVE, QueryableStoreTypes.<String, ModelManifest>keyValueStore())),
                    () -> s.store(StoreQueryParameters.fromNameAndType(StoreNames.MODEL_CHUNKS, QueryableStoreTypes.<String, ModelChunk>keyValueStore()))),
                    registry, config.modelPollInterval());
            loader.start();
            Gauge.builder("reelfm.serving.stream.threads.replaced", threadHandler, ReplaceThreadHandler::replacedThreads)
                    .description("Stream threads replaced after an uncaught exception").register(meters);
            FunctionCounter.builder("reelfm.serving.forwarded.requests", router, UserRouter::forwardedRequests)
                    .description("Requests forwarded to the instance owning the user").register(meters);
            FunctionCounter.builder("reelfm.serving.shed.requests", shedder, LoadShedder::shedRequests)
                    .description("Recommendation requests answered 503 because max-in-flight were being computed").register(meters);
            FunctionCounter.builder("reelfm.serving.queued.requests", shedder, LoadShedder::waitedRequests)
                    .description("Recommendation requests that waited for one of max-in-flight slots and got it").register(meters);
            Gauge.builder("reelfm.serving.models.loaded", registry, r -> r.all().size()).register(meters);
            log.info("Serving on port {} as {} (application {}, Kafka at {})", app.port(), self, config.applicationId(),
                    config.bootstrapServers());
            return new ServingService(config, app, streams, loader, registry, impressions, streamsLag, router);
        } catch (RuntimeException e) {
            if (loader != null) {
                loader.close();
            }
            if (streams != null) {
                streams.close(Duration.ofSeconds(10));
            }
            app.close();
            impressions.close();
            streamsLag.close();
            router.close();
            throw e;
        }
    }

    /**
     * Live unless Kafka Streams has failed for good (ERROR, or shutting down towards it): then
     * no store answers again without a restart, so liveness tells the orchestrator to restart.
     * Before Streams exists (start-up) the process counts as live.
     */
    private static Readiness.Status liveness(StreamsStores stores) {
        KafkaStreams.State state;
        try {
            state = stores.streams().state();
        } catch (RuntimeException e) {
            return Readiness.Status.up();
        }
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                ? Readiness.Status.down("Kafka Streams is " + state + "; restart this instance")
                : Readiness.Status.up();
    }

    private static Readiness.Status readiness(StreamsStores stores, StreamsLag streamsLag, ModelRegistry registry,
                                              ServingConfig config) {
        KafkaStreams.State state;
        try {
            state = stores.streams().state();
        } catch (RuntimeException e) {
            return Readiness.Status.down("Kafka Streams not started");
        }
        if (state != KafkaStreams.State.RUNNING) {
            return Readiness.Status.down("Kafka Streams is " + state);
        }
        if (!registry.hasAll(config.modelNames())) {
            List<String> missing = new ArrayList<>(config.modelNames());
            registry.all().forEach(m -> missing.remove(m.name()));
            return Readiness.Status.down("models not loaded yet: " + missing);
        }
        long lag = streamsLag.lag();
        if (lag < 0) {
            return Readiness.Status.down("input lag not measured yet");
        }
        if (lag > config.readyMaxLag()) {
            return Readiness.Status.down(lag + " input records not processed yet (ready at " + config.readyMaxLag() + " or fewer)");
        }
        return Readiness.Status.up();
    }

    static List<Topic<?, ?>> topics(ServingConfig config) {
        List<Topic<?, ?>> topics = new ArrayList<>(Topics.pipelineTopics());
        topics.add(Topics.deadLetters(config.deadLetterTopic()));
        topics.add(Topics.IMPRESSIONS);
        topics.add(Topics.broadcast(config.experimentStatsTopic(), ExperimentStats.SERDE, 1));
        topics.add(ServingTopology.itemStatsTopic(config.itemStatsTopic()));
        return topics;
    }

    public ServingConfig config() {
        return config;
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    public ModelRegistry models() {
        return registry;
    }

    /** Stops the loader, then Streams, leaving the group at once. */
    @Override
    protected void stopBehindHttp() {
        loader.close();
        impressions.close();
        streamsLag.close();
        router.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        log.info("Serving stopped");
    }
}
