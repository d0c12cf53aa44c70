package io.reelfm.launcher.replay;

import java.util.concurrent.Callable;

import io.reelfm.datasets.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reelfm replay}: publish a data set into a running Kafka. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publish a data set into Kafka: movies, users, then every rating in timestamp order.",
                "Event ids are derived from the data set and row, so re-running a replay is idempotent downstream."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions source;

    @Mixin
    PacingOptions pacing;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:REELFM_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka to write to (default: ${DEFAULT-VALUE}; env REELFM_KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Mixin
    ProducerOptions producer;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException {
        Dataset replaySource;
        ReplayConfig config;
        try {
            replaySource = source.chosen().orElseThrow(() -> new IllegalArgumentException(
                    "no data set given: use --data DIR (a MovieLens or IMDb directory) or --synthetic"));
            config = producer.applyTo(ReplayConfig.defaults(bootstrapServers).withPacing(pacing.rate(), pacing.speedup()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        var out = spec.commandLine().getOut();
        out.println("Replaying " + replaySource.description() + " into " + config.bootstrapServers()
                + " (" + config.pacingDescription() + ")");
        out.flush();
        ReplaySummary summary = new Replayer(config, progress.replayProgress())
                .replay(replaySource);
        out.print(summary.format());
        out.flush();
        return 0;
    }
}
