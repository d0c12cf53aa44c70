package io.reelfm.launcher.service;

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
        super(ServiceStarter.INGEST);
    }
}
