package io.reelfm.serving;

import io.reelfm.service.config.Settings;
import io.reelfm.service.lifecycle.UntilStopped;

/** Runs one serving instance until the JVM is asked to stop. Configuration: {@link ServingConfig}. */
public final class ServingMain {

    private ServingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        UntilStopped.run("serving", ServingService.start(ServingConfig.from(Settings.fromEnvironment())));
    }
}
