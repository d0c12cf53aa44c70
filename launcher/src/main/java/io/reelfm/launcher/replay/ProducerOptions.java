package io.reelfm.launcher.replay;

import java.time.Duration;

import io.reelfm.ingest.replay.ReplayConfig;
import picocli.CommandLine.Option;

/** {@code --compression}, {@code --linger-ms} and {@code --batch-bytes} of the replay producer, shared by {@code replay} and {@code bench replay}. */
public final class ProducerOptions {

    @Option(names = "--compression", paramLabel = "TYPE", defaultValue = "lz4",
            description = "Producer compression: none, lz4, snappy, zstd, gzip (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--linger-ms", paramLabel = "MS", defaultValue = "10",
            description = "Producer linger.ms (default: ${DEFAULT-VALUE}).")
    long lingerMs;

    @Option(names = "--batch-bytes", paramLabel = "BYTES", defaultValue = "262144",
            description = "Producer batch.size (default: ${DEFAULT-VALUE}).")
    int batchBytes;

    /** @throws IllegalArgumentException naming the option when a value is out of range */
    public ReplayConfig applyTo(ReplayConfig config) {
        return config.withProducer(compression, Duration.ofMillis(lingerMs), batchBytes);
    }
}
