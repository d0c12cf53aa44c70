package io.reelfm.launcher.broker;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.reelfm.kafka.EmbeddedKafkaBroker;
import io.reelfm.service.lifecycle.UntilStopped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm broker}: the demo's single-node KRaft broker on its own, in the foreground. With
 * it, {@code reelfm ingest}, {@code trainer} and one or more {@code serving} instances run as
 * separate processes on one machine without Docker, each against {@code localhost:<port>},
 * which is how to try scaling serving out or to measure one service without the broker in its JVM.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker (KRaft, no Docker) in the foreground.",
                "Other commands reach it with REELFM_KAFKA_BOOTSTRAP_SERVERS=localhost:<port>."})
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", description = "Where the broker keeps its logs; kept across runs. Default: a temporary "
            + "directory deleted when the broker stops.")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(port, dataDir, Map.of()).start();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Kafka broker running at " + broker.bootstrapServers() + " (data in " + broker.dataDir()
                + "; Ctrl-C or SIGTERM stops it)");
        out.flush();
        UntilStopped.run("broker", broker, e -> out.println("Stopping the broker failed: " + e.getMessage()));
        return 0;
    }
}
