package io.reelfm.launcher.service;

import java.util.function.Function;

import io.reelfm.ingest.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.trainer.TrainerConfig;
import io.reelfm.trainer.TrainerService;

/**
 * How the launcher starts one ReelFM service from settings, described once for both the
 * single-service commands and the demo: its name, the settings key of its HTTP port, and the
 * start itself.
 */
public record ServiceStarter(String name, String portKey, Function<Settings, Started> starter) {

    public static final ServiceStarter INGEST = new ServiceStarter("ingest", "reelfm.ingest.port", settings -> {
        IngestService service = IngestService.start(IngestConfig.fromSettings(settings));
        return new Started(service, service.port());
    });

    public static final ServiceStarter TRAINER = new ServiceStarter("trainer", "reelfm.trainer.port", settings -> {
        TrainerService service = TrainerService.start(TrainerConfig.from(settings));
        return new Started(service, service.port());
    });

    public static final ServiceStarter SERVING = new ServiceStarter("serving", "reelfm.serving.port", settings -> {
        ServingService service = ServingService.start(ServingConfig.from(settings));
        return new Started(service, service.port());
    });

    public Started start(Settings settings) {
        return starter.apply(settings);
    }

    /** A running service, closed to stop it, and the HTTP port it listens on. */
    public record Started(AutoCloseable service, int port) {
    }
}
