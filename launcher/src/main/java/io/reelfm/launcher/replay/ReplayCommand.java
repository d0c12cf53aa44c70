package io.reelfm.launcher.replay;

import java.util.concurrent.Callable;

import java.nio.file.Path;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.ingest.replay.LoadedTopics;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplaySummary;
import io.reelfm.ingest.replay.Replayer;
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

    @Mixin
    ImdbOptions imdb;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:REELFM_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka to write to (default: ${DEFAULT-VALUE}; env REELFM_KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Mixin
    ProducerOptions producer;

    @Option(names = "--demo-data", description = {"With neither --data nor --synthetic: what `demo` replays, MovieLens 100K "
            + "from the cache (downloaded and verified when missing), or a generated data set when it cannot be had, saying which."})
    boolean demoData;

    @Option(names = "--data-if-present", paramLabel = "DIR", description = {"Replay DIR when it holds files (e.g. a mounted "
            + "data set), otherwise what --demo-data chooses."})
    Path dataIfPresent;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            defaultValue = "${env:REELFM_DATASET_CACHE:-${sys:user.home}/.cache/reelfm/datasets}",
            description = "Where --demo-data keeps downloaded data sets (default: ${DEFAULT-VALUE}; env REELFM_DATASET_CACHE).")
    Path cacheDir;

    @Option(names = "--skip-if-loaded", description = {"Replay nothing when the ratings topic already holds records "
            + "(a loader run again on a kept stack)."})
    boolean skipIfLoaded;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        ReplayConfig config;
        try {
            config = producer.applyTo(ReplayConfig.defaults(bootstrapServers).withPacing(pacing.rate(), pacing.speedup()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (skipIfLoaded) {
            long written = LoadedTopics.ratingsWritten(config.bootstrapServers());
            if (written > 0) {
                out.println("The ratings topic at " + config.bootstrapServers() + " already holds " + written
                        + " offsets; nothing to load (--skip-if-loaded).");
                out.flush();
                return 0;
            }
        }
        Dataset replaySource;
        try {
            replaySource = imdb.apply(choose(out), cacheDir, out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        out.println("Replaying " + replaySource.description() + " into " + config.bootstrapServers()
                + " (" + config.pacingDescription() + ")");
        out.flush();
        ReplaySummary summary = new Replayer(config, progress.replayProgress())
                .replay(replaySource);
        out.print(summary.format());
        out.flush();
        return 0;
    }

    private Dataset choose(java.io.PrintWriter out) {
        java.util.Optional<Dataset> chosen = source.chosen();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (dataIfPresent != null && holdsFiles(dataIfPresent)) {
            out.println("Using the data set in " + dataIfPresent);
            return DatasetFormat.open(dataIfPresent);
        }
        if (demoData || dataIfPresent != null) {
            if (dataIfPresent != null) {
                out.println(dataIfPresent + " holds no data set; choosing as the demo does");
            }
            return DemoData.choose(source, cacheDir, progress.enabled(), out);
        }
        throw new IllegalArgumentException("no data set given: use --data DIR (a MovieLens or IMDb directory), --synthetic or --demo-data");
    }

    private static boolean holdsFiles(Path dir) {
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
