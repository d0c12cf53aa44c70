package io.reelfm.ingest;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the ingest service alone: configuration from {@code REELFM_*} environment variables and
 * the optional {@code REELFM_CONFIG_FILE} (see {@link IngestConfig}), stopped gracefully on
 * SIGTERM/SIGINT.
 */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestService service = IngestService.start(IngestConfig.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        stopped.await();
    }
}
