package io.reelfm.launcher.replay;

import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import io.reelfm.ingest.replay.ReplayProgress;

/** Progress bars on the terminal: count, rate and ETA per phase. */
public final class ConsoleProgress implements ReplayProgress {

    @Override
    public Phase begin(String name, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setUnit(" ev", 1)
                .continuousUpdate()
                .setMaxRenderedLength(120)
                .setEtaFunction(state -> state.getMax() > 0 && state.getCurrent() > 0
                        ? java.util.Optional.of(eta(state.getElapsedAfterStart(), state.getCurrent(), state.getMax()))
                        : java.util.Optional.empty())
                .build();
        return new Phase() {
            @Override
            public void stepBy(long n) {
                bar.stepBy(n);
            }

            /** The total was an estimate (or unknown): the last line shows the exact count. */
            @Override
            public void close() {
                bar.maxHint(bar.getCurrent());
                bar.close();
            }
        };
    }

    private static Duration eta(Duration elapsed, long done, long max) {
        return Duration.ofNanos((long) (elapsed.toNanos() * ((double) (max - done) / done)));
    }
}
