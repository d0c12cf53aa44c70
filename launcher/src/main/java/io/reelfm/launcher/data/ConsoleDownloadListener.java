package io.reelfm.launcher.data;

import io.reelfm.datasets.download.DownloadListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar in MiB, created on the first progress report (when the size is known). */
public final class ConsoleDownloadListener implements DownloadListener, AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final String name;
    private ProgressBar bar;

    public ConsoleDownloadListener(String name) {
        this.name = name;
    }

    @Override
    public void progress(long bytesDone, long bytesTotal) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(bytesTotal).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" MiB", MIB).showSpeed().setUpdateIntervalMillis(250).build();
        }
        bar.stepTo(bytesDone);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
