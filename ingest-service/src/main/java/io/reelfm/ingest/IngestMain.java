package io.reelfm.ingest;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.service.lifecycle.UntilStopped;

/**
 * Runs the ingest service alone: configuration from {@code REELFM_*} environment variables and
 * the optional {@code REELFM_CONFIG_FILE} (see {@link IngestConfig}), stopped gracefully on
 * SIGTERM/SIGINT.
 */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        UntilStopped.run("ingest", IngestService.start(IngestConfig.fromEnvironment()));
    }
}
