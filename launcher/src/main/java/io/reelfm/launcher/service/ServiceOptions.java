package io.reelfm.launcher.service;

import java.util.HashMap;
import java.util.Map;

import io.reelfm.service.config.Settings;
import picocli.CommandLine.Option;

/** {@code --port} and {@code --bootstrap-servers} for the single-service commands; they override the environment. */
public final class ServiceOptions {

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (overrides the service's REELFM_*_PORT).")
    Integer port;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default localhost:9092; env REELFM_KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    /** Environment and {@code REELFM_CONFIG_FILE}, with the options on top. */
    Settings settings(String portKey) {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put(portKey, String.valueOf(port));
        }
        if (bootstrapServers != null) {
            overrides.put("reelfm.kafka.bootstrap-servers", bootstrapServers);
        }
        return Settings.fromEnvironment().withOverrides(overrides);
    }
}
