package io.reelfm.launcher.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.reelfm.datasets.Dataset;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplaySummary;
import io.reelfm.ingest.replay.Replayer;
import io.reelfm.launcher.replay.DemoData;
import io.reelfm.launcher.replay.ImdbOptions;
import io.reelfm.launcher.replay.PacingOptions;
import io.reelfm.launcher.replay.ProgressOption;
import io.reelfm.launcher.replay.SourceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm demo}: everything in one JVM. Starts an embedded Kafka broker, creates the
 * topics, starts the services, replays a data set and keeps running until Ctrl-C, which stops
 * the replay, then the services in reverse order, then the broker.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run ReelFM all-in-one: embedded Kafka (KRaft), topics, the services, and a replay of a data set.",
                "Without --data or --synthetic it uses MovieLens 100K from the cache, downloading it when missing;",
                "with no network it falls back to a generated data set. Ctrl-C stops everything cleanly."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-dir", paramLabel = "DIR",
            description = "Where the broker keeps its data; kept across runs. Default: a temporary directory deleted on exit.")
    Path kafkaDir;

    @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "8081",
            description = "HTTP port of the ingest service (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--trainer-port", paramLabel = "PORT", defaultValue = "8082",
            description = "HTTP port of the trainer (default: ${DEFAULT-VALUE}).")
    int trainerPort;

    @Option(names = "--serving-port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port of the serving service (default: ${DEFAULT-VALUE}).")
    int servingPort;

    @Mixin
    SourceOptions source;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            defaultValue = "${env:REELFM_DATASET_CACHE:-${sys:user.home}/.cache/reelfm/datasets}",
            description = "Where downloaded data sets are kept (default: ${DEFAULT-VALUE}; env REELFM_DATASET_CACHE).")
    Path cacheDir;

    @Mixin
    PacingOptions pacing;

    @Mixin
    ImdbOptions imdb;

    @Option(names = "--no-replay", description = "Start the stack with empty topics; replay nothing.")
    boolean noReplay;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DemoConfig config;
        Dataset data;
        try {
            config = new DemoConfig(kafkaPort, kafkaDir, ingestPort, trainerPort, servingPort);
            data = noReplay ? null : imdb.apply(DemoData.choose(source, cacheDir, progress.enabled(), out), cacheDir, out);
            // checks --rate/--speedup now, before a broker is started for nothing
            ReplayConfig.defaults("localhost:" + kafkaPort).withPacing(pacing.rate(), pacing.speedup());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        out.println("Starting Kafka on port " + (kafkaPort == 0 ? "(free)" : kafkaPort) + " and "
                + DemoComponents.running(config, Path.of(".")).stream().map(DemoComponent::name).toList() + " ...");
        out.flush();
        Demo demo = Demo.start(config, stateDir -> DemoComponents.running(config, stateDir));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread replay = data == null ? null : replayThread(demo, data, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping ReelFM demo ...");
            out.flush();
            if (replay != null) {
                replay.interrupt();
                try {
                    replay.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            demo.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "demo-shutdown"));
        out.print(Banner.render(demo, data == null ? "none (--no-replay)" : data.description()));
        out.flush();
        if (replay != null) {
            replay.start();
        }
        stopped.await();
        return 0;
    }

    private Thread replayThread(Demo demo, Dataset data, PrintWriter out) {
        ReplayConfig replayConfig = ReplayConfig.defaults(demo.bootstrapServers()).withPacing(pacing.rate(), pacing.speedup());
        return new Thread(() -> {
            try {
                ReplaySummary summary = new Replayer(replayConfig, progress.replayProgress()).replay(data);
                out.print(summary.format());
                out.println("Replay finished; the services keep running. Ctrl-C to stop.");
            } catch (InterruptedException e) {
                out.println("Replay stopped.");
            } catch (RuntimeException e) {
                out.println("Replay failed: " + e.getMessage());
            }
            out.flush();
        }, "demo-replay");
    }
}
