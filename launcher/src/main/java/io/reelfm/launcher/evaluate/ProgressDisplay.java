package io.reelfm.launcher.evaluate;

import io.reelfm.trainer.evaluate.EvaluationProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar on stderr (stdout stays clean for tables and the JSON line). */
final class ProgressDisplay implements EvaluationProgress.Task {

    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    /** Console bars, or none when not {@code enabled}. */
    static EvaluationProgress of(boolean enabled) {
        return enabled ? ProgressDisplay::open : EvaluationProgress.NONE;
    }

    static ProgressDisplay open(String task, long total) {
        return new ProgressDisplay(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setMaxRenderedLength(100).build());
    }

    @Override
    public void step() {
        bar.step();
    }

    @Override
    public void close() {
        bar.close();
    }
}
