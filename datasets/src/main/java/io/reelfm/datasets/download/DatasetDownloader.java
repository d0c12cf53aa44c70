package io.reelfm.datasets.download;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches known data sets into a local cache and unpacks them, so that a data set is
 * downloaded once and every later run works offline.
 *
 * <p>Guarantees: a file appears under its final name only complete and verified. The archive
 * is written to {@code <name>.part} (resumed with an HTTP range request when a previous attempt
 * was cut off), checked against the published MD5, and only then moved atomically to its name;
 * a mismatch deletes it. Unpacking goes to a temporary directory moved into place at the end,
 * with zip-slip and size checks. Every failure to obtain the data — no network, HTTP error,
 * checksum, bad archive — is a {@link DatasetUnavailableException}.
 *
 * <p>Not safe for two processes fetching the same data set at the same moment into the same
 * cache (they would share the {@code .part} file); fetches of different data sets are independent.
 */
public final class DatasetDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetDownloader.class);

    private final DownloadConfig config;
    private final HttpClient http;
    private final ResumableTransfer transfer;

    public DatasetDownloader(DownloadConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.transfer = new ResumableTransfer(http, config);
    }

    /** Where the unpacked data set lives once fetched (it may not exist yet). */
    public Path directoryOf(KnownDataset dataset) {
        return config.cacheDir().resolve(dataset.id());
    }

    /** True when the data set is already unpacked in the cache, so {@link #fetch} needs no network. */
    public boolean isCached(KnownDataset dataset) {
        return Files.isDirectory(directoryOf(dataset));
    }

    /**
     * Returns the unpacked data set directory, downloading and unpacking it first when needed.
     * Pass the result to {@link io.reelfm.datasets.Dataset#open}.
     *
     * @throws DatasetUnavailableException when the data set cannot be obtained
     */
    public Path fetch(KnownDataset dataset, DownloadListener listener) {
        Path dir = directoryOf(dataset);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path zip = download(dataset, listener);
        Path unpacking = null;
        try {
            unpacking = Files.createTempDirectory(config.cacheDir(), dataset.id() + ".unpacking-");
            SafeUnzip.extract(zip, unpacking, config.maxExtractedBytes());
            try {
                Files.move(unpacking, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
                LOG.info("{} was unpacked concurrently; using the existing copy", dataset.id());
            }
            return dir;
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot unpack " + zip + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(unpacking);
        }
    }

    /**
     * Returns the verified archive in the cache, downloading it when it is not there yet.
     *
     * @throws DatasetUnavailableException when it cannot be downloaded or verified
     */
    public Path download(KnownDataset dataset, DownloadListener listener) {
        Path target = config.cacheDir().resolve(dataset.fileName());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(config.cacheDir());
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot create the data set cache " + config.cacheDir(), e);
        }
        String expected = expectedMd5(dataset);
        Path part = config.cacheDir().resolve(dataset.fileName() + ".part");
        transfer.into(dataset.url(), part, listener);
        try {
            if (expected != null) {
                String actual = Md5.of(part);
                if (!actual.equalsIgnoreCase(expected)) {
                    Files.deleteIfExists(part);
                    throw new ChecksumMismatchException(dataset.fileName(), expected, actual);
                }
            }
            moveAtomically(part, target);
            return target;
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot store " + target + ": " + e.getMessage(), e);
        }
    }

    private String expectedMd5(KnownDataset dataset) {
        if (dataset.md5() != null) {
            return dataset.md5().toLowerCase(Locale.ROOT);
        }
        String problem;
        if (dataset.checksumUrl() == null) {
            problem = "no checksum is known for " + dataset.id();
        } else {
            try {
                HttpResponse<String> response = http.send(transfer.request(dataset.checksumUrl()).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
                String md5 = response.statusCode() == 200 ? Md5.parse(response.body()) : null;
                if (md5 != null) {
                    return md5;
                }
                problem = response.statusCode() == 200 ? "no MD5 digest in " + dataset.checksumUrl()
                        : "HTTP " + response.statusCode() + " from " + dataset.checksumUrl();
            } catch (IOException e) {
                throw ResumableTransfer.unavailable(dataset.checksumUrl(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetUnavailableException("Interrupted while fetching " + dataset.checksumUrl(), e);
            }
        }
        if (config.requireChecksum()) {
            throw new DatasetUnavailableException("Cannot verify " + dataset.fileName() + ": " + problem
                    + " (downloads without a checksum are refused unless requireChecksum is off)");
        }
        LOG.warn("Downloading {} without verification: {}", dataset.fileName(), problem);
        return null;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot clean up {}: {}", dir, e.getMessage());
        }
    }
}
