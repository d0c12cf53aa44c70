package io.reelfm.launcher.service;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.reelfm.service.config.Settings;
import io.reelfm.service.lifecycle.UntilStopped;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One service alone against an external Kafka, as in docker-compose: settings from the
 * environment with {@link ServiceOptions} on top, the service started, then kept in the
 * foreground until the JVM is asked to stop. A subclass only says how its service starts.
 */
abstract class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    private final String name;
    private final String portKey;

    /** @param portKey the settings key {@code --port} overrides */
    ServiceCommand(String name, String portKey) {
        this.name = name;
        this.portKey = portKey;
    }

    /** Starts the service; it is closed on shutdown. */
    abstract Started start(Settings settings);

    @Override
    public Integer call() throws InterruptedException {
        Started started = start(options.settings(portKey));
        PrintWriter out = spec.commandLine().getOut();
        out.println(name + " running at http://localhost:" + started.port() + " (Ctrl-C or SIGTERM stops it)");
        out.flush();
        UntilStopped.run(name, started.service(), e -> out.println("Stopping " + name + " failed: " + e.getMessage()));
        return 0;
    }

    /** A running service and its HTTP port. */
    record Started(AutoCloseable service, int port) {
    }
}
