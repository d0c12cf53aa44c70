package io.reelfm.launcher.service;

import java.util.concurrent.Callable;

import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reelfm serving}: the serving service alone against an external Kafka (docker-compose). */
@Command(name = "serving", mixinStandardHelpOptions = true,
        description = {"Run the serving service (model snapshots + events -> recommendations) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8080."})
public final class ServingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ServingService service = ServingService.start(ServingConfig.from(options.settings("reelfm.serving.port")));
        return ServiceRunner.runUntilStopped("serving", service, "http://localhost:" + service.port(), spec.commandLine().getOut());
    }
}
