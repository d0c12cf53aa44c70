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

    /**
     * Serving answers with the trainer's online SGD model: among the models the trainer publishes
     * by default it is the one updated between refits, so new ratings show up soonest.
     */
    static final String SERVING_VARIANTS = "main:fm-sgd:100";

    private DemoComponents() {
    }

    /** @param stateDir where services keep local state for this demo run (serving's state stores) */
    public static List<DemoComponent> running(DemoConfig config, Path stateDir) {
        return List.of(
                new IngestComponent(config.ingestPort()),
                new ServiceComponent<>("trainer", "reelfm.trainer.port", config.trainerPort(), Map.of(),
                        s -> TrainerService.start(TrainerConfig.from(s)), TrainerService::port),
                new ServiceComponent<>("serving", "reelfm.serving.port", config.servingPort(),
                        Map.of("reelfm.serving.state-dir", stateDir.resolve("serving").toString(),
                                "reelfm.serving.variants", SERVING_VARIANTS),
                        s -> ServingService.start(ServingConfig.from(s)), ServingService::port));
    }
}
