package io.reelfm.launcher.service;

import picocli.CommandLine.Command;

/** {@code reelfm serving}: the serving service alone against an external Kafka (docker-compose). */
@Command(name = "serving", mixinStandardHelpOptions = true,
        description = {"Run the serving service (model snapshots + events -> recommendations) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8080."})
public final class ServingCommand extends ServiceCommand {

    public ServingCommand() {
        super(ServiceStarter.SERVING);
    }
}
