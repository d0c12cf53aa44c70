package io.reelfm.testkit;

import java.util.Map;

import io.reelfm.kafka.EmbeddedKafkaBroker;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits.
 * The first start costs seconds; sharing it keeps the integration suite fast. Tests isolate
 * themselves with unique topic names or group ids, never by restarting the broker.
 */
public final class SharedKafka {

    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaBroker started = EmbeddedKafkaBroker.create(0, null, Map.of()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-shutdown"));
            broker = started;
        }
        return broker.bootstrapServers();
    }
}
