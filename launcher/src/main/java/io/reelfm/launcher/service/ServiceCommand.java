package io.reelfm.launcher.service;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.reelfm.service.http.RunningService;
import io.reelfm.service.lifecycle.UntilStopped;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One service alone against an external Kafka, as in docker-compose: settings from the
 * environment with {@link ServiceOptions} on top, the service started, then kept in the
 * foreground until the JVM is asked to stop. A subclass only names its service and its help.
 */
abstract class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    private final ServiceStarter starter;

    ServiceCommand(ServiceStarter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunningService service = starter.start(options.settings(starter.portKey()));
        String name = starter.name();
        PrintWriter out = spec.commandLine().getOut();
        out.println(name + " running at http://localhost:" + service.port() + " (Ctrl-C or SIGTERM stops it)");
        out.flush();
        UntilStopped.run(name, service, e -> out.println("Stopping " + name + " failed: " + e.getMessage()));
        return 0;
    }
}
