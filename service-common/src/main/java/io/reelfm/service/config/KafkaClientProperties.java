package io.reelfm.service.config;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Kafka client settings passed through unchanged to every producer, consumer, admin client and
 * Streams instance a service creates: chiefly security ({@code security.protocol},
 * {@code ssl.truststore.location}, {@code sasl.mechanism}, {@code sasl.jaas.config}...).
 * Configured under {@code reelfm.kafka.client.}: e.g. {@code reelfm.kafka.client.security.protocol=SASL_SSL}
 * in the properties file, or {@code REELFM_KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL} in the
 * environment (underscores become dots). Settings a service owns itself (bootstrap servers,
 * serialisers, transactional ids, application id) cannot be overridden this way.
 */
public record KafkaClientProperties(Map<String, String> values) {

    public static final String PREFIX = "reelfm.kafka.client.";

    private static final Set<String> OWNED = Set.of("bootstrap.servers", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer", "transactional.id", "application.id", "group.id",
            "enable.idempotence", "isolation.level", "processing.guarantee");

    public KafkaClientProperties {
        values = Map.copyOf(values);
        for (String key : values.keySet()) {
            ConfigException.require(!OWNED.contains(key), PREFIX + key, "is set by the service itself and cannot be passed through");
        }
    }

    public static KafkaClientProperties none() {
        return new KafkaClientProperties(Map.of());
    }

    public static KafkaClientProperties fromSettings(Settings s) {
        return new KafkaClientProperties(s.underPrefix(PREFIX));
    }

    /** Adds the pass-through values to a client's properties (they win over the service's defaults). */
    public Properties applyTo(Properties p) {
        p.putAll(values);
        return p;
    }

    /** Names only, for logs: values such as JAAS configs and passwords are never shown. */
    @Override
    public String toString() {
        return "KafkaClientProperties" + values.keySet();
    }
}
