package io.reelfm.trainer;

import io.reelfm.service.config.Settings;
import io.reelfm.service.lifecycle.UntilStopped;
import io.reelfm.trainer.config.TrainerConfig;

/** Standalone trainer: configuration from the environment (and {@code REELFM_CONFIG_FILE}), runs until stopped. */
public final class TrainerMain {

    private TrainerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        UntilStopped.run("trainer", TrainerService.start(TrainerConfig.from(Settings.fromEnvironment())));
    }
}
