package io.reelfm.datasets.download;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body when no data has arrived for a while. The JDK HTTP client's timeout
 * covers only the wait for headers; without this, a server that stops sending mid-body would
 * block the download forever. Closing the stream makes the blocked read fail, and
 * {@link #fired()} tells the caller why.
 */
final class StallWatchdog implements AutoCloseable {

    private final Closeable stream;
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean fired;

    StallWatchdog(Closeable stream, Duration timeout) {
        this.stream = stream;
        this.timeoutNanos = timeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dataset-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, Math.min(1_000, timeout.toMillis() / 4));
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void progress() {
        lastProgress = System.nanoTime();
    }

    boolean fired() {
        return fired;
    }

    private void check() {
        if (!fired && System.nanoTime() - lastProgress > timeoutNanos) {
            fired = true;
            try {
                stream.close();
            } catch (IOException e) {
                // The reader sees the failure; nothing more to do here.
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
