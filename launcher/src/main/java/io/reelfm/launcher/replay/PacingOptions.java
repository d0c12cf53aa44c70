package io.reelfm.launcher.replay;

import io.reelfm.ingest.replay.RateLimit;
import picocli.CommandLine.Option;

/** {@code --rate} and {@code --speedup}, shared by {@code replay} and {@code demo}. */
public final class PacingOptions {

    @Option(names = "--rate", paramLabel = "N/s|max", defaultValue = "max", converter = RateConverter.class,
            description = "Ratings per second, e.g. 500/s, or 'max' for as fast as possible (default: ${DEFAULT-VALUE}).")
    RateLimit rate = RateLimit.MAX;

    @Option(names = "--speedup", paramLabel = "X",
            description = "Replay at X times the original event-time speed instead of a fixed rate (e.g. 3600: an hour per second).")
    Double speedup;

    public RateLimit rate() {
        return rate;
    }

    /** 0 when not given. */
    public double speedup() {
        return speedup == null ? 0 : speedup;
    }
}
