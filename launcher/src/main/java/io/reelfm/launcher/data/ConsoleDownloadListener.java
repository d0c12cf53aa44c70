package io.reelfm.launcher.data;

import io.reelfm.datasets.download.DownloadListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar in MiB, created on the first progress report (when the size is known).
 * A data set of several files gets one bar per file.
 */
public final class ConsoleDownloadListener implements DownloadListener, AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final String fixedName;
    private String name;
    private ProgressBar bar;

    /** Every bar is labelled {@code name}. */
    public ConsoleDownloadListener(String name) {
        this.fixedName = name;
        this.name = name;
    }

    /** Each bar is labelled with the name of the file it shows. */
    public static ConsoleDownloadListener perFile() {
        return new ConsoleDownloadListener(null);
    }

    @Override
    public void starting(String fileName) {
        close();
        name = fixedName != null ? fixedName : fileName;
    }

    @Override
    public void progress(long bytesDone, long bytesTotal) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(name == null ? "download" : name).setInitialMax(bytesTotal)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", MIB).showSpeed().setUpdateIntervalMillis(250).build();
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
