package io.reelfm.launcher.data;

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
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Downloads a MovieLens archive from GroupLens into the cache, verifies it against the MD5
 * checksum GroupLens publishes beside each archive ({@code <archive>.md5}), and unpacks it. A
 * failed or mismatching download leaves nothing in the cache, so a later run starts clean.
 */
public final class GroupLensDownloader implements DatasetFetcher {

    public static final URI DEFAULT_BASE = URI.create("https://files.grouplens.org/datasets/movielens/");

    private final URI base;
    private final DownloadProgress progress;
    private final HttpClient http;

    public GroupLensDownloader(URI base, DownloadProgress progress) {
        this.base = base;
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Path fetch(KnownDataset dataset, Path cacheDir) throws IOException {
        Path target = cacheDir.resolve(dataset.directoryName());
        if (Files.isDirectory(target) && Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(cacheDir);
        String expected = expectedMd5(dataset);
        Path archive = Files.createTempFile(cacheDir, dataset.directoryName(), ".zip.part");
        try {
            String actual = download(base.resolve(dataset.archiveName()), archive, dataset.archiveName());
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("checksum mismatch for " + dataset.archiveName() + ": expected MD5 " + expected
                        + ", downloaded file has " + actual);
            }
            unzip(archive, cacheDir);
            Files.writeString(target.resolve(".complete"), actual + System.lineSeparator());
            return target;
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private String expectedMd5(KnownDataset dataset) throws IOException {
        URI uri = base.resolve(dataset.archiveName() + ".md5");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (response.statusCode() != 200) {
            throw new IOException("cannot fetch the checksum " + uri + ": HTTP " + response.statusCode());
        }
        for (String token : response.body().trim().split("\\s+")) {
            if (token.matches("(?i)[0-9a-f]{32}")) {
                return token.toLowerCase(Locale.ROOT);
            }
        }
        throw new IOException("no MD5 checksum in " + uri);
    }

    private String download(URI uri, Path file, String name) throws IOException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("cannot download " + uri + ": HTTP " + response.statusCode());
        }
        MessageDigest md5 = md5();
        progress.started(name, response.headers().firstValueAsLong("Content-Length").orElse(-1));
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md5.update(buffer, 0, n);
                out.write(buffer, 0, n);
                progress.advanced(n);
            }
        } finally {
            progress.finished();
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + request.uri(), e);
        } catch (IOException e) {
            throw new IOException("no connection to " + request.uri().getHost() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Unpacks into {@code dir}, refusing entries that would land outside it. */
    static void unzip(Path archive, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
