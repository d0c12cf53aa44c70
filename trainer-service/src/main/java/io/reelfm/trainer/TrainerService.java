package io.reelfm.trainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.service.http.RunningService;
import io.reelfm.service.http.ServiceApp;
import io.reelfm.service.http.ServiceAppConfig;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.consume.EventConsumer;
import io.reelfm.service.auth.Authenticator;
import io.reelfm.trainer.http.ModelsResource;
import io.reelfm.trainer.http.StatusResource;
import io.reelfm.trainer.policy.FittedModels;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.trainer.policy.ModelSlot;
import io.reelfm.trainer.policy.Rejection;
import io.reelfm.trainer.policy.RejectionLog;
import io.reelfm.trainer.policy.TrainerReadiness;
import io.reelfm.trainer.policy.TrainingLoop;
import io.reelfm.trainer.snapshot.PublishedModels;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.snapshot.SnapshotTopicsReader;
import io.reelfm.trainer.store.StateCheckpoint;
import io.reelfm.trainer.store.TrainingState;

/**
 * The running trainer: creates missing topics, recovers what is already published, restores the
 * training state (checkpoint or cold rebuild from the topics), runs the {@link TrainingLoop} on
 * its own thread and serves the REST API, ready once the loop's {@link TrainerReadiness} says so
 * (caught up, first fits done). The all-in-one launcher and the tests start it in-process with
 * {@link #start}; {@link TrainerMain} is the standalone entry point.
 */
public final class TrainerService extends RunningService {

    private static final Logger log = LoggerFactory.getLogger(TrainerService.class);

    private final TrainingLoop loop;
    private final Thread thread;
    private final SnapshotPublisher publisher;

    private TrainerService(TrainingLoop loop, Thread thread, SnapshotPublisher publisher, ServiceApp app) {
        super(app);
        this.loop = loop;
        this.thread = thread;
        this.publisher = publisher;
    }

    public static TrainerService start(TrainerConfig config) {
        List<Topic<?, ?>> topics = new java.util.ArrayList<>(Topics.pipelineTopics());
        topics.add(Topics.DEAD_LETTERS);
        TopicCreator.ensure(config.bootstrapServers(), config.kafkaClient().values(), topics, config.replicationFactor(), Duration.ofSeconds(30));

        Set<String> names = config.models().stream().map(ModelSpec::name).collect(Collectors.toSet());
        PublishedModels published = SnapshotTopicsReader.read(config.bootstrapServers(), config.kafkaClient().values(), names::contains,
                null, Duration.ofSeconds(60));
        SnapshotPublisher publisher = new SnapshotPublisher(config.bootstrapServers(), config.kafkaClient().values(), published, config.chunkBytes(),
                config.retainVersions(), config.publishFault());
        names.forEach(publisher::enforceRetention);

        StateCheckpoint checkpoint = config.checkpointDir() == null ? null : new StateCheckpoint(config.checkpointDir());
        TrainingState state = checkpoint == null ? null : checkpoint.load().orElse(null);
        log.info(state == null ? "Building the training state from the beginning of the topics"
                : "Resuming from checkpoint with " + state.counts().ratings() + " ratings");
        boolean resumed = state != null;
        if (state == null) {
            state = new TrainingState(config.dedupeCapacity());
        }
        EventConsumer consumer = new EventConsumer(config.bootstrapServers(), config.groupId(), state, Map.<String, Object>copyOf(config.kafkaClient().values()));
        List<ModelSlot> slots = config.models().stream()
                .map(m -> new ModelSlot(m, new RankingConfig(config.topN(), (float) config.relevantRating()))).toList();
        RejectionLog rejections = config.checkpointDir() == null ? null : new RejectionLog(config.checkpointDir());
        if (rejections != null) {
            Map<String, List<Rejection>> saved = rejections.load();
            slots.forEach(s -> s.restoreRejections(saved.getOrDefault(s.name(), List.of())));
        }
        FittedModels fitted = checkpoint == null ? null : new FittedModels(config.checkpointDir());
        if (fitted != null && resumed) {
            log.info("{} model(s) continue from their saved parameters", fitted.restore(slots));
        }
        TrainingLoop loop = new TrainingLoop(config, state, consumer, publisher, slots, checkpoint, rejections, fitted);
        Thread thread = new Thread(loop, "reelfm-trainer-loop");
        thread.setDaemon(true);
        thread.start();

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TrainingState finalState = state;
        Gauge.builder("reelfm.trainer.ratings", () -> finalState.counts().ratings()).register(registry);
        Gauge.builder("reelfm.trainer.consumer.lag", () -> {
            long lag = loop.status().lag();
            return lag < 0 ? Double.NaN : lag;
        }).register(registry);
        ModelsResource models = new ModelsResource(slots, publisher, new Authenticator(config.apiKeys()));
        StatusResource status = new StatusResource(loop, state);
        ServiceApp app = ServiceApp.create(new ServiceAppConfig("trainer", config.host(), config.port(),
                ServiceAppConfig.DEFAULT_MAX_REQUEST_BYTES, ServiceAppConfig.DEFAULT_STOP_TIMEOUT), loop.readiness(), registry, a -> {
                    models.register(a);
                    status.register(a);
                });
        try {
            app.start();
        } catch (RuntimeException e) {
            loop.stop();
            publisher.close();
            throw e;
        }
        return new TrainerService(loop, thread, publisher, app);
    }

    /** Lets the training loop save its final checkpoint, then closes Kafka clients. */
    @Override
    protected void stopBehindHttp() {
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
