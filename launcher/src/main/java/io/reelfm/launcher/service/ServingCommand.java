package io.reelfm.launcher.service;

import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.service.config.Settings;
import picocli.CommandLine.Command;

/** {@code reelfm serving}: the serving service alone against an external Kafka (docker-compose). */
@Command(name = "serving", mixinStandardHelpOptions = true,
        description = {"Run the serving service (model snapshots + events -> recommendations) against an external broker.",
                "Reads REELFM_* environment variables (see README); options override them. Default port 8080."})
public final class ServingCommand extends ServiceCommand {

    public ServingCommand() {
        super("serving", "reelfm.serving.port");
    }

    @Override
    Started start(Settings settings) {
        ServingService service = ServingService.start(ServingConfig.from(settings));
        return new Started(service, service.port());
    }
}
