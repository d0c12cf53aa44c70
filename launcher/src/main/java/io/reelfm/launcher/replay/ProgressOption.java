package io.reelfm.launcher.replay;

import io.reelfm.ingest.replay.ReplayProgress;
import picocli.CommandLine.Option;

/** {@code --no-progress}, for every command that draws progress bars on the terminal. */
public final class ProgressOption {

    @Option(names = "--no-progress", description = "Do not draw progress bars (logs and CI).")
    boolean noProgress;

    public boolean enabled() {
        return !noProgress;
    }

    /** Console bars, or none with {@code --no-progress}. */
    public ReplayProgress replayProgress() {
        return noProgress ? ReplayProgress.NONE : new ConsoleProgress();
    }
}
