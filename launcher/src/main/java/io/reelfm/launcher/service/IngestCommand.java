package io.reelfm.launcher.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.reelfm.ingest.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.service.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm ingest}: the ingest service alone against an external Kafka, as in
 * docker-compose. Configuration comes from {@code REELFM_*} environment variables (and
 * {@code REELFM_CONFIG_FILE}); the options override them.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest service (HTTP ratings, movies, users -> Kafka) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8081; env REELFM_INGEST_PORT).")
    Integer port;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default localhost:9092; env REELFM_KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("reelfm.ingest.port", String.valueOf(port));
        }
        if (bootstrapServers != null) {
            overrides.put("reelfm.kafka.bootstrap-servers", bootstrapServers);
        }
        IngestConfig config = IngestConfig.fromSettings(Settings.fromEnvironment().withOverrides(overrides));
        IngestService service = IngestService.start(config);
        return ServiceRunner.runUntilStopped("ingest", service, "http://localhost:" + service.port(), spec.commandLine().getOut());
    }
}
