package io.reelfm.launcher.data;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar in MiB for downloads. */
final class ConsoleDownloadProgress implements DownloadProgress {

    private ProgressBar bar;

    @Override
    public void started(String name, long totalBytes) {
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(totalBytes).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MiB", 1024 * 1024).showSpeed().setUpdateIntervalMillis(250).build();
    }

    @Override
    public void advanced(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
