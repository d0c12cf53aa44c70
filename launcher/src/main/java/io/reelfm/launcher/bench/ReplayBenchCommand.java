package io.reelfm.launcher.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.common.serialization.Serdes;

import io.reelfm.datasets.Dataset;
import io.reelfm.ingest.replay.ReplayConfig;
import io.reelfm.ingest.replay.ReplayProgress;
import io.reelfm.ingest.replay.ReplaySummary;
import io.reelfm.ingest.replay.Replayer;
import io.reelfm.kafka.EmbeddedKafkaBroker;
import io.reelfm.launcher.replay.DataSets;
import io.reelfm.launcher.replay.ProducerOptions;
import io.reelfm.launcher.replay.SourceOptions;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm bench replay}: replay throughput into a fresh embedded broker, side by side with
 * Kafka's own producer performance tool on the same broker, so the figure says how close the
 * replay (parsing, sorting, Avro) comes to what the broker takes from a bare producer.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Measure replay throughput (ratings/s) into an embedded broker next to Kafka's ProducerPerformance",
                "(60-byte records, acks=all, idempotent) on the same broker; prints the medians and their ratio."})
public final class ReplayBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions source;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs of each side (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Replays run first and not counted, so the JIT has compiled the hot path (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--perf-records", paramLabel = "N", defaultValue = "500000",
            description = "Records per ProducerPerformance run (default: ${DEFAULT-VALUE}).")
    long perfRecords;

    @Mixin
    ProducerOptions producer;

    @Option(names = "--perf-props", paramLabel = "K=V", split = ",",
            defaultValue = "acks=all,enable.idempotence=true,linger.ms=5",
            description = "ProducerPerformance producer properties (default: ${DEFAULT-VALUE}).")
    List<String> perfProps;

    @Override
    public Integer call() throws Exception {
        Dataset data;
        try {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be >= 1, was " + runs);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0, was " + warmup);
            }
            if (perfRecords < 1) {
                throw new IllegalArgumentException("--perf-records must be >= 1, was " + perfRecords);
            }
            data = source.data() != null ? DataSets.open(source.data()) : source.syntheticSource();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(0, null, Map.of()).start()) {
            String bootstrap = broker.bootstrapServers();
            for (int w = 0; w < warmup; w++) {
                new Replayer(replayConfig(bootstrap, -1 - w), ReplayProgress.NONE).replay(data);
                out.println("warm-up replay " + (w + 1) + " done");
                out.flush();
            }
            double[] replay = new double[runs];
            double[] perf = new double[runs];
            for (int run = 0; run < runs; run++) {
                ReplaySummary summary = new Replayer(replayConfig(bootstrap, run), ReplayProgress.NONE).replay(data);
                replay[run] = summary.ratingsPerSecond();
                out.printf(Locale.ROOT, "run %d replay            %,12.0f ratings/s (%,d ratings of %s, %,d rows rejected; %,.0f events/s overall)%n",
                        run + 1, replay[run], summary.ratings(), data.name(), summary.badLines(), summary.eventsPerSecond());
                if (!summary.firstBadLines().isEmpty()) {
                    out.println("  first rejected row: " + summary.firstBadLines().get(0));
                }
                TopicDiskUsage disk = TopicDiskUsage.of(broker.dataDir(), replayConfig(bootstrap, run).ratings().name());
                if (summary.ratings() > 0) {
                    out.printf(Locale.ROOT, "      broker disk          %,12.1f bytes/rating in log segments (%,d B; %,d B with indexes)%n",
                            (double) disk.logBytes() / summary.ratings(), disk.logBytes(), disk.totalBytes());
                }
                out.flush();
                String perfTopic = "bench-perf-" + run;
                TopicCreator.ensure(bootstrap, List.of(new Topic<>(perfTopic, Serdes.ByteArray(), Serdes.ByteArray(),
                        Topics.DEFAULT_PARTITIONS, Map.of())), (short) 1, Duration.ofSeconds(30));
                perf[run] = ProducerPerfRun.run(bootstrap, perfTopic, perfRecords, 60, perfProps);
                out.printf(Locale.ROOT, "run %d ProducerPerformance %,12.0f records/s (%,d x 60 B)%n", run + 1, perf[run], perfRecords);
                out.flush();
            }
            double replayMedian = median(replay);
            double perfMedian = median(perf);
            out.printf(Locale.ROOT, "%nmedian replay               %,12.0f ratings/s%n", replayMedian);
            out.printf(Locale.ROOT, "median ProducerPerformance    %,12.0f records/s%n", perfMedian);
            out.printf(Locale.ROOT, "replay / ProducerPerformance  %12.2f%n", replayMedian / perfMedian);
            out.flush();
        }
        return 0;
    }

    private ReplayConfig replayConfig(String bootstrap, int run) {
        String suffix = "-bench-" + run;
        return producer.applyTo(ReplayConfig.defaults(bootstrap))
                .withTopics(renamed(Topics.RATINGS, suffix), renamed(Topics.MOVIES, suffix), renamed(Topics.USERS, suffix));
    }

    static <K, V> Topic<K, V> renamed(Topic<K, V> topic, String suffix) {
        return new Topic<>(topic.name() + suffix, topic.keySerde(), topic.valueSerde(), topic.partitions(), topic.configs());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
