package io.reelfm.launcher.service;

import picocli.CommandLine.Command;

/** {@code reelfm trainer}: the trainer alone against an external Kafka (docker-compose). */
@Command(name = "trainer", mixinStandardHelpOptions = true,
        description = {"Run the trainer (ratings -> models -> snapshot topics) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8082."})
public final class TrainerCommand extends ServiceCommand {

    public TrainerCommand() {
        super(ServiceStarter.TRAINER);
    }
}
