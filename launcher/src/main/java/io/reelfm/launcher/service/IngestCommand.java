package io.reelfm.launcher.service;

import io.reelfm.ingest.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.service.config.Settings;
import picocli.CommandLine.Command;

/**
 * {@code reelfm ingest}: the ingest service alone against an external Kafka, as in
 * docker-compose. Configuration comes from {@code REELFM_*} environment variables (and
 * {@code REELFM_CONFIG_FILE}); the options override them.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest service (HTTP ratings, movies, users -> Kafka) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8081."})
public final class IngestCommand extends ServiceCommand {

    public IngestCommand() {
        super("ingest", "reelfm.ingest.port");
    }

    @Override
    Started start(Settings settings) {
        IngestService service = IngestService.start(IngestConfig.fromSettings(settings));
        return new Started(service, service.port());
    }
}
