package io.reelfm.serving;

import java.util.concurrent.CountDownLatch;

import io.reelfm.service.config.Settings;

/** Runs one serving instance until the JVM is asked to stop. Configuration: {@link ServingConfig}. */
public final class ServingMain {

    private ServingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServingService service = ServingService.start(ServingConfig.from(Settings.fromEnvironment()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "serving-shutdown"));
        stopped.await();
    }
}
