package io.reelfm.datasets.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file's bytes over HTTP into a {@code .part} file, resumed with a range request after
 * an attempt that was cut off, and given up when no data arrives for the stall timeout. It only
 * moves bytes: checking and publishing the file is the downloader's job.
 *
 * <p>The validator of the version being fetched (a strong {@code ETag}, else {@code Last-Modified})
 * is kept beside the part file in {@code <part>.validator} and sent as {@code If-Range} when
 * resuming, so a file republished in between (IMDb's change daily) is sent whole instead of
 * being appended to the old version's bytes.
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

    /**
     * Fetches {@code url} into {@code part}, continuing after the bytes already there when the server allows.
     *
     * @param resumeUnvalidated whether a part file may be resumed when no validator of its version
     *                          was kept: true when a checksum checks the result anyway, false when
     *                          nothing would notice two versions spliced together (it is then
     *                          started over)
     */
    void into(URI url, Path part, boolean resumeUnvalidated, DownloadListener listener) {
        Path validatorFile = validatorOf(part);
        long have = sizeOrZero(part);
        String validator = have > 0 ? readValidator(validatorFile) : null;
        if (have > 0 && validator == null && !resumeUnvalidated) {
            LOG.info("Cannot tell whether {} is still the version {} holds; starting over", url, part.getFileName());
            have = 0;
        }
        HttpRequest.Builder builder = request(url);
        if (have > 0) {
            builder.header("Range", "bytes=" + have + "-");
            if (validator != null) {
                builder.header("If-Range", validator);
            }
        }
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                if (status == 416 && have > 0) {
                    LOG.info("Server refused to resume {}; starting over", url);
                    Files.delete(part);
                    Files.deleteIfExists(validatorFile);
                    into(url, part, resumeUnvalidated, listener);
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
                } else {
                    writeValidator(validatorFile, validator(response));
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
                Files.deleteIfExists(validatorFile);
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

    /** Where the validator of {@code part}'s version is kept. */
    static Path validatorOf(Path part) {
        return part.resolveSibling(part.getFileName() + ".validator");
    }

    /** A strong ETag, else Last-Modified, else null (weak ETags cannot be used in If-Range). */
    private static String validator(HttpResponse<?> response) {
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return response.headers().firstValue("Last-Modified").orElse(null);
    }

    private static void writeValidator(Path file, String validator) throws IOException {
        if (validator == null || validator.isBlank() || validator.contains("\n") || validator.contains("\r")) {
            Files.deleteIfExists(file);
        } else {
            Files.writeString(file, validator, StandardCharsets.US_ASCII);
        }
    }

    private static String readValidator(Path file) {
        try {
            String v = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
            return v.isEmpty() ? null : v;
        } catch (IOException e) {
            return null;
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

}
