package io.reelfm.launcher.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.kafka.EmbeddedKafkaBroker;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;

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
    private boolean closed;

    private Demo(EmbeddedKafkaBroker broker, List<Started> started) {
        this.broker = broker;
        this.started = started;
    }

    public static Demo start(DemoConfig config, List<DemoComponent> components) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(config.kafkaPort(), config.kafkaDir(), Map.of());
        List<Started> started = new ArrayList<>();
        try {
            broker.start();
            List<Topic<?, ?>> topics = new ArrayList<>(Topics.ingestTopics());
            topics.addAll(Topics.modelTopics());
            TopicCreator.ensure(broker.bootstrapServers(), topics, (short) 1, Duration.ofSeconds(30));
            for (DemoComponent component : components) {
                started.add(new Started(component.name(), component.start(broker.bootstrapServers())));
            }
            return new Demo(broker, started);
        } catch (RuntimeException e) {
            closeAll(started, broker);
            throw e;
        }
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
