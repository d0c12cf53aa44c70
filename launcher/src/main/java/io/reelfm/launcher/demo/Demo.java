package io.reelfm.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.kafka.EmbeddedKafkaBroker;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.service.auth.ApiKeys;

/**
 * The running all-in-one stack: an embedded KRaft broker, ReelFM's topics, and the demo
 * components. Closing stops the components in reverse start order and the broker last, so no
 * service loses its broker while still writing. A failed start closes whatever had started.
 */
public final class Demo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);

    /** A started component with its name, for the banner. */
    public record Started(String name, DemoComponent.Running running) {
    }

    private final EmbeddedKafkaBroker broker;
    private final List<Started> started;
    private final Runnable cleanup;
    private final java.util.Optional<String> apiKey;
    private boolean closed;

    private Demo(EmbeddedKafkaBroker broker, List<Started> started, Runnable cleanup, java.util.Optional<String> apiKey) {
        this.apiKey = apiKey;
        this.broker = broker;
        this.started = started;
        this.cleanup = cleanup;
    }

    private static Path stateDir(DemoConfig config) {
        try {
            return config.kafkaDir() == null ? Files.createTempDirectory("reelfm-demo-")
                    : Files.createDirectories(config.kafkaDir().resolve("services"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the demo's state directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Cannot delete {}", dir, e);
        }
    }

    /**
     * @param components the components to run, given the directory where they may keep local
     *                   state: {@code <kafka-dir>/services} with {@code --kafka-dir}, else a
     *                   temporary directory deleted on close
     */
    public static Demo start(DemoConfig config, Function<Path, List<DemoComponent>> components) {
        Path stateDir = stateDir(config);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(config.kafkaPort(), config.kafkaDir(), Map.of());
        List<Started> started = new ArrayList<>();
        Runnable cleanup = config.kafkaDir() == null ? () -> deleteRecursively(stateDir) : () -> { };
        try {
            broker.start();
            TopicCreator.ensure(broker.bootstrapServers(), Topics.pipelineTopics(), (short) 1, Duration.ofSeconds(30));
            Map<String, String> urls = new java.util.LinkedHashMap<>();
            for (DemoComponent component : components.apply(stateDir)) {
                DemoComponent.Running running = component.start(broker.bootstrapServers(), Map.copyOf(urls));
                started.add(new Started(component.name(), running));
                urls.put(component.name(), running.url());
            }
            boolean ownKeys = io.reelfm.service.config.Settings.fromEnvironment().find(ApiKeys.API_KEYS).isPresent();
            return new Demo(broker, started, cleanup, ownKeys ? java.util.Optional.empty() : java.util.Optional.of(config.apiKey()));
        } catch (RuntimeException e) {
            closeAll(started, broker);
            cleanup.run();
            throw e;
        }
    }

    /** The API key for writes and administration, or empty when {@code REELFM_API_KEYS} configures the keys instead. */
    public java.util.Optional<String> apiKey() {
        return apiKey;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public List<Started> components() {
        return Collections.unmodifiableList(started);
    }

    /** The URL of the named component. @throws IllegalArgumentException when it is not running */
    public String url(String component) {
        return started.stream().filter(s -> s.name().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("component " + component + " is not running"))
                .running().url();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(started, broker);
        cleanup.run();
    }

    private static void closeAll(List<Started> started, EmbeddedKafkaBroker broker) {
        for (int i = started.size() - 1; i >= 0; i--) {
            Started s = started.get(i);
            try {
                s.running().close();
                log.info("Stopped {}", s.name());
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed", s.name(), e);
            }
        }
        broker.close();
        log.info("Stopped Kafka");
    }
}
