package io.reelfm.launcher.service;

import java.util.concurrent.Callable;

import io.reelfm.ingest.IngestConfig;
import io.reelfm.ingest.IngestService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm ingest}: the ingest service alone against an external Kafka, as in
 * docker-compose. Configuration comes from {@code REELFM_*} environment variables (and
 * {@code REELFM_CONFIG_FILE}); the options override them.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest service (HTTP ratings, movies, users -> Kafka) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8081."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        IngestService service = IngestService.start(IngestConfig.fromSettings(options.settings("reelfm.ingest.port")));
        return ServiceRunner.runUntilStopped("ingest", service, "http://localhost:" + service.port(), spec.commandLine().getOut());
    }
}
