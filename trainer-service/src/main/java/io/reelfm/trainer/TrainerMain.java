package io.reelfm.trainer;

import java.util.concurrent.CountDownLatch;

import io.reelfm.service.config.Settings;

/** Standalone trainer: configuration from the environment (and {@code REELFM_CONFIG_FILE}), runs until stopped. */
public final class TrainerMain {

    private TrainerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        TrainerService service = TrainerService.start(TrainerConfig.from(Settings.fromEnvironment()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "trainer-shutdown"));
        stopped.await();
    }
}
