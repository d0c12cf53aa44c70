package io.reelfm.launcher.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.trainer.TrainerConfig;
import io.reelfm.trainer.TrainerService;

/**
 * The services the demo runs, in start order: one line each. Ingest first (it only writes),
 * then the trainer (reads ratings, publishes models), then serving (reads both).
 */
public final class DemoComponents {

    private DemoComponents() {
    }

    /** @param stateDir where services keep local state for this demo run (serving's state stores) */
    public static List<DemoComponent> running(DemoConfig config, Path stateDir) {
        return List.of(
                new IngestComponent(config.ingestPort()),
                new ServiceComponent<>("trainer", "reelfm.trainer.port", config.trainerPort(), Map.of(),
                        s -> TrainerService.start(TrainerConfig.from(s)), TrainerService::port),
                new ServiceComponent<>("serving", "reelfm.serving.port", config.servingPort(),
                        Map.of("reelfm.serving.state-dir", stateDir.resolve("serving").toString()),
                        s -> ServingService.start(ServingConfig.from(s)), ServingService::port));
    }
}
