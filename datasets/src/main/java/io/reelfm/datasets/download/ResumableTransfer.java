package io.reelfm.datasets.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One archive's bytes over HTTP into a {@code .part} file, resumed with a range request after
 * an attempt that was cut off, and given up when no data arrives for the stall timeout. It only
 * moves bytes: checking and publishing the file is the downloader's job.
 */
final class ResumableTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableTransfer.class);
    private static final int BUFFER = 1 << 16;
    private static final String USER_AGENT = "reelfm-datasets";

    private final HttpClient http;
    private final DownloadConfig config;

    ResumableTransfer(HttpClient http, DownloadConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Fetches {@code url} into {@code part}, continuing after the bytes already there when the server allows. */
    void into(URI url, Path part, DownloadListener listener) {
        long have = sizeOrZero(part);
        HttpRequest.Builder builder = request(url);
        if (have > 0) {
            builder.header("Range", "bytes=" + have + "-");
        }
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                if (status == 416 && have > 0) {
                    LOG.info("Server refused to resume {}; starting over", url);
                    Files.delete(part);
                    into(url, part, listener);
                    return;
                }
                if (status != 200 && status != 206) {
                    throw new DatasetUnavailableException("HTTP " + status + " from " + url);
                }
                boolean resumed = status == 206 && have > 0;
                long offset = resumed ? have : 0;
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                long total = length < 0 ? -1 : offset + length;
                if (resumed) {
                    LOG.info("Resuming {} at byte {}", url, have);
                }
                try (StallWatchdog watchdog = new StallWatchdog(body, config.stallTimeout())) {
                    try {
                        copy(body, part, resumed, offset, total, listener, watchdog);
                    } catch (IOException e) {
                        if (watchdog.fired()) {
                            throw stalled(url, e);
                        }
                        throw e;
                    }
                    if (watchdog.fired()) {
                        throw stalled(url, null);
                    }
                }
                if (total >= 0 && Files.size(part) != total) {
                    throw new DatasetUnavailableException("Download of " + url + " ended after " + Files.size(part)
                            + " of " + total + " bytes; run again to resume");
                }
            }
        } catch (IOException e) {
            throw unavailable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetUnavailableException("Interrupted while downloading " + url + "; run again to resume", e);
        }
    }

    private DatasetUnavailableException stalled(URI url, IOException cause) {
        return new DatasetUnavailableException("Download of " + url + " stalled: no data for "
                + config.stallTimeout().toMillis() + " ms; run again to resume", cause);
    }

    private static void copy(InputStream body, Path part, boolean append, long offset, long total,
                             DownloadListener listener, StallWatchdog watchdog) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[BUFFER];
            long done = offset;
            listener.progress(done, total);
            int read;
            while ((read = body.read(buffer)) >= 0) {
                watchdog.progress();
                out.write(buffer, 0, read);
                done += read;
                listener.progress(done, total);
            }
        }
    }

    HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(config.responseTimeout()).header("User-Agent", USER_AGENT).GET();
    }

    static DatasetUnavailableException unavailable(URI url, IOException e) {
        return new DatasetUnavailableException("Cannot download " + url + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the network reachable?", e);
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

}
