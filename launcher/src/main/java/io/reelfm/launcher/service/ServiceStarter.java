package io.reelfm.launcher.service;

import java.util.function.Function;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.service.config.Settings;
import io.reelfm.service.http.RunningService;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.TrainerService;

/**
 * How the launcher starts one ReelFM service from settings, described once for both the
 * single-service commands and the demo: its name, the settings key of its HTTP port, and the
 * start itself.
 */
public record ServiceStarter(String name, String portKey, Function<Settings, RunningService> starter) {

    public static final ServiceStarter INGEST = new ServiceStarter("ingest", "reelfm.ingest.port",
            settings -> IngestService.start(IngestConfig.fromSettings(settings)));

    public static final ServiceStarter TRAINER = new ServiceStarter("trainer", "reelfm.trainer.port",
            settings -> TrainerService.start(TrainerConfig.from(settings)));

    public static final ServiceStarter SERVING = new ServiceStarter("serving", "reelfm.serving.port",
            settings -> ServingService.start(ServingConfig.from(settings)));

    public RunningService start(Settings settings) {
        return starter.apply(settings);
    }
}
