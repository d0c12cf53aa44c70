package io.reelfm.launcher.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.reelfm.launcher.service.ServiceStarter;
import io.reelfm.service.auth.ApiKeys;

/**
 * The services the demo runs, in start order: one line each. Ingest first (it only writes),
 * then the trainer (reads ratings, publishes models), then serving (reads both).
 */
public final class DemoComponents {

    private DemoComponents() {
    }

    /**
     * Writes and administration need the demo's API key unless {@code REELFM_API_KEYS} sets others.
     *
     * @param stateDir where services keep local state for this demo run (serving's state stores);
     *                 serving runs without standby replicas, there being no second instance to hold them,
     *                 and with a 45 s session timeout instead of 6 s: the short default exists to move a dead
     *                 instance's users quickly, which one instance never needs, while on a busy machine its
     *                 stream thread can spend longer than 6 s opening stores between a rebalance's join and
     *                 sync, and the broker then drops it, all its tasks are closed dirty and Kafka Streams
     *                 wipes and restores their state ({@code TaskCorruptedException} on the console).
     *                 Serving's web page relays ratings to this demo's ingest with the demo key, so a visitor
     *                 rates from the page without typing it
     */
    public static List<DemoComponent> running(DemoConfig config, Path stateDir) {
        String keys = "demo:" + config.apiKey();
        return List.of(
                new ServiceComponent(ServiceStarter.INGEST, config.ingestPort(), Map.of(ApiKeys.API_KEYS, keys)),
                new ServiceComponent(ServiceStarter.TRAINER, config.trainerPort(), Map.of(ApiKeys.API_KEYS, keys)),
                new ServiceComponent(ServiceStarter.SERVING, config.servingPort(),
                        Map.of("reelfm.serving.state-dir", stateDir.resolve("serving").toString(),
                                "reelfm.serving.standby-replicas", "0", "reelfm.serving.session-timeout", "45s",
                                ApiKeys.API_KEYS, keys,
                                "reelfm.serving.web.ingest-key", config.apiKey()),
                        Map.of("reelfm.serving.web.ingest-url", ServiceStarter.INGEST.name(),
                                "reelfm.serving.web.trainer-url", ServiceStarter.TRAINER.name())));
    }
}
