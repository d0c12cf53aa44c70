package io.reelfm.launcher.demo;

import java.util.List;

/**
 * The services the demo runs, in start order. Trainer ({@value DemoConfig#TRAINER_PORT}) and
 * serving ({@value DemoConfig#SERVING_PORT}) join this list with one line each once their
 * services exist; until then the banner lists them as planned.
 */
public final class DemoComponents {

    private DemoComponents() {
    }

    public static List<DemoComponent> running(DemoConfig config) {
        return List.of(new IngestComponent(config.ingestPort()));
    }

    /** Components announced but not available yet, with the port they will take. */
    public static List<String> planned(DemoConfig config) {
        return List.of("trainer (port " + config.trainerPort() + ")", "serving (port " + config.servingPort() + ")");
    }
}
