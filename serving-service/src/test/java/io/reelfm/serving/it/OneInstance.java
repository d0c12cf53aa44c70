package io.reelfm.serving.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;

/** A single serving instance for an integration test: free port, no standbys, one variant serving {@code model}. */
final class OneInstance {

    private OneInstance() {
    }

    /** @param more settings that add to or replace the defaults */
    static ServingService start(String bootstrap, String applicationId, Path stateDir, String model, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("reelfm.kafka.bootstrap-servers", bootstrap);
        settings.put("reelfm.serving.port", "0");
        settings.put("reelfm.serving.application-id", applicationId);
        settings.put("reelfm.serving.state-dir", stateDir.toString());
        settings.put("reelfm.serving.standby-replicas", "0");
        settings.put("reelfm.serving.variants", "main:" + model + ":1");
        settings.putAll(more);
        return ServingService.start(ServingConfig.from(Settings.ofMap(settings)));
    }
}
