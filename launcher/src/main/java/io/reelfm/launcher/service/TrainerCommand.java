package io.reelfm.launcher.service;

import java.util.concurrent.Callable;

import io.reelfm.trainer.TrainerConfig;
import io.reelfm.trainer.TrainerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reelfm trainer}: the trainer alone against an external Kafka (docker-compose). */
@Command(name = "trainer", mixinStandardHelpOptions = true,
        description = {"Run the trainer (ratings -> models -> snapshot topics) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8082."})
public final class TrainerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        TrainerService service = TrainerService.start(TrainerConfig.from(options.settings("reelfm.trainer.port")));
        return ServiceRunner.runUntilStopped("trainer", service, "http://localhost:" + service.port(), spec.commandLine().getOut());
    }
}
