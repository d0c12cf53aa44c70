package io.reelfm.datasets.download;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches known data sets into a local cache (unpacking archives), so that a data set is
 * downloaded once and every later run works offline.
 *
 * <p>Guarantees: a file appears under its final name only complete and verified. Each file is
 * written to {@code <name>.part} (resumed with an HTTP range request when a previous attempt
 * was cut off), checked against the published MD5 when there is one, and only then moved
 * atomically to its name; a mismatch deletes it. An archive is unpacked into a temporary
 * directory moved into place at the end, with zip-slip and size checks. The files of a
 * {@link KnownDataset.Packaging#FILES} data set are kept as published in {@code <cache>/<id>},
 * and their sizes and SHA-256 recorded in its {@link Manifest}: a later fetch keeps the files
 * that still match it and fetches the others again. Every failure to obtain the data — no
 * network, HTTP error, checksum, bad archive — is a {@link DatasetUnavailableException}.
 *
 * <p>Not safe for two processes fetching the same data set at the same moment into the same
 * cache (they would share the {@code .part} file); fetches of different data sets are independent.
 */
public final class DatasetDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetDownloader.class);

    private final DownloadConfig config;
    private final HttpClient http;
    private final ResumableTransfer transfer;
    private final PublishedChecksum checksums;

    public DatasetDownloader(DownloadConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.transfer = new ResumableTransfer(http, config);
        this.checksums = new PublishedChecksum(http, transfer, config);
    }

    /** Where the unpacked (or stored) data set lives once fetched (it may not exist yet). */
    public Path directoryOf(KnownDataset dataset) {
        return config.cacheDir().resolve(dataset.id());
    }

    /**
     * True when the data set is already in the cache, so {@link #fetch} needs no network: an
     * archive is unpacked, or every file is there with the size and SHA-256 its manifest records
     * (which reads every file).
     */
    public boolean isCached(KnownDataset dataset) {
        Path dir = directoryOf(dataset);
        if (dataset.packaging() == KnownDataset.Packaging.ZIP || !Files.isDirectory(dir)) {
            return Files.isDirectory(dir);
        }
        Manifest manifest = Manifest.read(dir);
        try {
            for (KnownDataset.RemoteFile file : dataset.files()) {
                if (!manifest.matches(dir, file.fileName())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the unpacked data set directory, downloading and unpacking it first when needed.
     * Pass the result to {@link io.reelfm.datasets.Dataset#open}.
     *
     * @throws DatasetUnavailableException when the data set cannot be obtained
     */
    public Path fetch(KnownDataset dataset, DownloadListener listener) {
        if (dataset.packaging() == KnownDataset.Packaging.FILES) {
            return fetchFiles(dataset, listener);
        }
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
     * Stores the files of a {@link KnownDataset.Packaging#FILES} data set in its directory,
     * fetching those not there with the size and SHA-256 the manifest records, and recording
     * each fetched one in the manifest.
     */
    private Path fetchFiles(KnownDataset dataset, DownloadListener listener) {
        Path dir = directoryOf(dataset);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot create the data set directory " + dir, e);
        }
        Manifest manifest = Manifest.read(dir);
        for (KnownDataset.RemoteFile file : dataset.files()) {
            String name = file.fileName();
            Path target = dir.resolve(name);
            try {
                if (manifest.matches(dir, name)) {
                    continue;
                }
                if (manifest.entry(name).isPresent()) {
                    LOG.info("{} no longer has the size and SHA-256 recorded in {}; fetching it again", target,
                            Manifest.FILE_NAME);
                    manifest = manifest.without(name);
                    manifest.write(dir);
                }
                // Unverified, so not left under its name to be read as the data set while its replacement arrives.
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw new DatasetUnavailableException("Cannot check " + target + ": " + e.getMessage(), e);
            }
            transferVerified(dataset, file, dir, target, listener);
            try {
                manifest = manifest.with(new Manifest.Entry(name, Files.size(target), Md5.sha256(target)));
                manifest.write(dir);
            } catch (IOException e) {
                throw new DatasetUnavailableException("Cannot record " + target + " in the manifest: " + e.getMessage(), e);
            }
        }
        return dir;
    }

    /**
     * Returns the verified archive in the cache, downloading it when it is not there yet.
     *
     * @throws DatasetUnavailableException when it cannot be downloaded or verified
     * @throws IllegalStateException when the data set is not a zip archive
     */
    public Path download(KnownDataset dataset, DownloadListener listener) {
        KnownDataset.RemoteFile archive = dataset.archive();
        Path target = config.cacheDir().resolve(archive.fileName());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(config.cacheDir());
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot create the data set cache " + config.cacheDir(), e);
        }
        transferVerified(dataset, archive, config.cacheDir(), target, listener);
        return target;
    }

    /** Fetches {@code file} through {@code <target>.part} in {@code dir}, checks its MD5 when published, moves it to {@code target}. */
    private void transferVerified(KnownDataset dataset, KnownDataset.RemoteFile file, Path dir, Path target,
                                  DownloadListener listener) {
        String expected = checksums.expectedMd5(dataset, file);
        Path part = dir.resolve(file.fileName() + ".part");
        listener.starting(file.fileName());
        transfer.into(file.url(), part, expected != null, listener);
        try {
            if (expected != null) {
                String actual = Md5.of(part);
                if (!actual.equalsIgnoreCase(expected)) {
                    Files.deleteIfExists(part);
                    Files.deleteIfExists(ResumableTransfer.validatorOf(part));
                    throw new ChecksumMismatchException(file.fileName(), expected, actual);
                }
            }
            moveAtomically(part, target);
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot store " + target + ": " + e.getMessage(), e);
        }
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
