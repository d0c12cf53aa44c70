package io.reelfm.datasets.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.format.DatasetFormat;

/** The downloader against a real HTTP server on loopback, serving archives built here. */
class DatasetDownloaderIT {

    @TempDir
    Path cache;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    private volatile boolean ignoreRanges;
    private volatile int cutAfterBytes = -1;
    private volatile int stallAfterBytes = -1;
    private final CountDownLatch releaseStalled = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseStalled.countDown();
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = files.get(exchange.getRequestURI().getPath());
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null) {
            rangeHeaders.add(range);
        }
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            int status = 200;
            if (range != null && !ignoreRanges && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                status = 206;
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            exchange.sendResponseHeaders(status, body.length - from);
            OutputStream out = exchange.getResponseBody();
            if (cutAfterBytes >= 0 && exchange.getRequestURI().getPath().endsWith(".zip")) {
                out.write(body, from, cutAfterBytes);
                out.flush();
                exchange.getHttpContext().getServer().stop(0);
                return;
            }
            if (stallAfterBytes >= 0 && exchange.getRequestURI().getPath().endsWith(".zip")) {
                out.write(body, from, stallAfterBytes);
                out.flush();
                try {
                    releaseStalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            out.write(body, from, body.length - from);
            out.close();
        }
    }

    private URI url(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    private KnownDataset publish(String name, byte[] zip, String md5File) {
        files.put("/" + name, zip);
        if (md5File != null) {
            files.put("/" + name + ".md5", md5File.getBytes(StandardCharsets.US_ASCII));
        }
        return new KnownDataset("test-set", url("/" + name), null, url("/" + name + ".md5"), "test");
    }

    private DatasetDownloader downloader() {
        return new DatasetDownloader(DownloadConfig.defaults().withCacheDir(cache));
    }

    static byte[] ml100kZip() throws IOException {
        return zip(Map.of(
                "ml-100k/u.data", "1\t10\t4\t881250949\n2\t10\t5\t881250950\n3\t11\t1\t881250951\n",
                "ml-100k/u.item", "10|Film (1995)|01-Jan-1995||url|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n",
                "ml-100k/u.user", "1|24|M|technician|85711\n"));
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private List<Path> cacheContents() throws IOException {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(p -> !p.equals(cache)).map(cache::relativize).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndUnpacksThenServesFromTheCacheOffline() throws Exception {
        byte[] zip = ml100kZip();
        KnownDataset known = publish("ml-100k.zip", zip, "MD5 (ml-100k.zip) = " + md5(zip) + "\n");
        List<long[]> progress = new ArrayList<>();

        Path dir = downloader().fetch(known, (done, total) -> progress.add(new long[] {done, total}));

        Dataset dataset = DatasetFormat.open(dir);
        assertThat(dataset.name()).isEqualTo("ml-100k");
        assertThat(dataset.ratings(r -> { }, new LineErrors())).isEqualTo(3);
        assertThat(progress.get(progress.size() - 1)).containsExactly(zip.length, zip.length);
        assertThat(cacheContents()).map(Path::toString)
                .containsExactlyInAnyOrder("ml-100k.zip", "test-set", "test-set/ml-100k", "test-set/ml-100k/u.data",
                        "test-set/ml-100k/u.item", "test-set/ml-100k/u.user");

        server.stop(0);
        assertThat(downloader().fetch(known, DownloadListener.NONE)).isEqualTo(dir);
    }

    @Test
    void aPinnedChecksumIsVerifiedWithoutFetchingTheMd5File() throws Exception {
        byte[] zip = ml100kZip();
        files.put("/pinned.zip", zip);
        KnownDataset known = new KnownDataset("pinned", url("/pinned.zip"), md5(zip).toUpperCase(), null, "pinned");

        Path dir = downloader().fetch(known, DownloadListener.NONE);

        assertThat(DatasetFormat.open(dir).name()).isEqualTo("ml-100k");
    }

    @Test
    void checksumMismatchDeletesTheDownloadAndSaysWhichFile() throws Exception {
        byte[] zip = ml100kZip();
        String actual = md5(zip);
        KnownDataset known = publish("ml-100k.zip", zip, "0123456789abcdef0123456789abcdef  ml-100k.zip\n");

        assertThatThrownBy(() -> downloader().fetch(known, DownloadListener.NONE))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo("0123456789abcdef0123456789abcdef");
                    assertThat(e.actual()).isEqualTo(actual);
                    assertThat(e).hasMessageContaining("ml-100k.zip");
                });
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void missingArchiveIsUnavailableWithTheHttpStatus() throws Exception {
        KnownDataset known = publish("ml-100k.zip", ml100kZip(), null);
        files.remove("/ml-100k.zip");
        KnownDataset pinned = new KnownDataset("gone", known.url(), md5(new byte[0]), null, "gone");

        assertThatThrownBy(() -> downloader().fetch(pinned, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("/ml-100k.zip");
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void missingChecksumIsRefusedByDefaultAndAcceptedWhenNotRequired() throws Exception {
        KnownDataset known = publish("ml-100k.zip", ml100kZip(), null);

        assertThatThrownBy(() -> downloader().fetch(known, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("HTTP 404 from " + known.checksumUrl())
                .hasMessageContaining("requireChecksum");
        assertThat(cacheContents()).isEmpty();

        Path dir = new DatasetDownloader(DownloadConfig.defaults().withCacheDir(cache).withRequireChecksum(false))
                .fetch(known, DownloadListener.NONE);
        assertThat(DatasetFormat.open(dir).name()).isEqualTo("ml-100k");
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/ml-100k.zip");
        KnownDataset known = new KnownDataset("nowhere", nowhere, null, URI.create(nowhere + ".md5"), "nowhere");

        assertThatThrownBy(() -> downloader().fetch(known, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("Cannot download " + known.checksumUrl())
                .hasMessageContaining("ConnectException");
    }

    @Test
    void anInterruptedDownloadResumesFromItsPartFile() throws Exception {
        byte[] zip = ml100kZip();
        KnownDataset known = publish("ml-100k.zip", zip, md5(zip) + "  ml-100k.zip\n");
        int half = zip.length / 2;
        Files.write(cache.resolve("ml-100k.zip.part"), java.util.Arrays.copyOf(zip, half));
        List<Long> done = new ArrayList<>();

        Path dir = downloader().fetch(known, (d, t) -> done.add(d));

        assertThat(rangeHeaders).containsExactly("bytes=" + half + "-");
        assertThat(done.get(0)).isEqualTo(half);
        assertThat(Files.readAllBytes(cache.resolve("ml-100k.zip"))).isEqualTo(zip);
        assertThat(Files.exists(cache.resolve("ml-100k.zip.part"))).isFalse();
        assertThat(DatasetFormat.open(dir).name()).isEqualTo("ml-100k");
    }

    @Test
    void aServerIgnoringTheRangeRequestGetsTheFileRestartedNotAppended() throws Exception {
        byte[] zip = ml100kZip();
        KnownDataset known = publish("ml-100k.zip", zip, md5(zip) + "\n");
        Files.write(cache.resolve("ml-100k.zip.part"), new byte[] {1, 2, 3});
        ignoreRanges = true;

        Path dir = downloader().fetch(known, DownloadListener.NONE);

        assertThat(rangeHeaders).containsExactly("bytes=3-");
        assertThat(Files.readAllBytes(cache.resolve("ml-100k.zip"))).isEqualTo(zip);
        assertThat(DatasetFormat.open(dir).name()).isEqualTo("ml-100k");
    }

    @Test
    void aCutConnectionLeavesOnlyThePartFileWhichTheNextRunCompletes() throws Exception {
        byte[] zip = ml100kZip();
        KnownDataset known = publish("ml-100k.zip", zip, md5(zip) + "\n");
        cutAfterBytes = 100;

        assertThatThrownBy(() -> downloader().fetch(known, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("ml-100k.zip");
        assertThat(cacheContents()).map(Path::toString).containsExactly("ml-100k.zip.part");
        long partial = Files.size(cache.resolve("ml-100k.zip.part"));
        assertThat(partial).isLessThan(zip.length);

        cutAfterBytes = -1;
        startServer();
        KnownDataset again = publish("ml-100k.zip", zip, md5(zip) + "\n");
        Path dir = downloader().fetch(again, DownloadListener.NONE);

        // Whatever arrived before the cut is kept and only the rest is requested.
        assertThat(rangeHeaders).containsExactlyElementsOf(partial > 0 ? List.of("bytes=" + partial + "-") : List.of());
        assertThat(Files.readAllBytes(cache.resolve("ml-100k.zip"))).isEqualTo(zip);
        assertThat(DatasetFormat.open(dir).name()).isEqualTo("ml-100k");
    }

    @Test
    void aStalledTransferGivesUpAfterTheStallTimeoutKeepingThePartFile() throws Exception {
        byte[] zip = ml100kZip();
        KnownDataset known = publish("ml-100k.zip", zip, md5(zip) + "\n");
        stallAfterBytes = 50;
        DatasetDownloader impatient = new DatasetDownloader(
                DownloadConfig.defaults().withCacheDir(cache).withStallTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.fetch(known, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("stalled")
                .hasMessageContaining("run again to resume");
        assertThat(cacheContents()).map(Path::toString).containsExactly("ml-100k.zip.part");
    }

    @Test
    void archiveWithAnEntryEscapingItsDirectoryIsRefused() throws Exception {
        byte[] evil = zip(Map.of("ml-100k/u.data", "1\t1\t1\t1\n", "../../escaped.txt", "gotcha"));
        KnownDataset known = publish("evil.zip", evil, md5(evil) + "\n");

        assertThatThrownBy(() -> downloader().fetch(known, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("../../escaped.txt");
        assertThat(Files.exists(cache.getParent().resolve("escaped.txt"))).isFalse();
        assertThat(Files.exists(cache.resolve("escaped.txt"))).isFalse();
        assertThat(Files.exists(cache.resolve("test-set"))).isFalse();
        assertThat(cacheContents()).map(Path::toString).containsExactly("evil.zip");
    }

    @Test
    void archiveLargerThanTheLimitIsRefused() throws Exception {
        byte[] big = zip(Map.of("ml-100k/u.data", "x".repeat(10_000)));
        KnownDataset known = publish("big.zip", big, md5(big) + "\n");
        DatasetDownloader limited = new DatasetDownloader(
                DownloadConfig.defaults().withCacheDir(cache).withMaxExtractedBytes(1_000));

        assertThatThrownBy(() -> limited.fetch(known, DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("more than 1000 bytes");
        assertThat(Files.exists(cache.resolve("test-set"))).isFalse();
    }

    @Test
    void catalogueKnowsTheGroupLensSetsAndNamesTheKnownOnesOnATypo() {
        assertThat(DatasetCatalogue.find("movielens-25m").url())
                .hasToString("https://files.grouplens.org/datasets/movielens/ml-25m.zip");
        assertThat(DatasetCatalogue.find("movielens-100k").checksumUrl())
                .hasToString("https://files.grouplens.org/datasets/movielens/ml-100k.zip.md5");
        assertThatThrownBy(() -> DatasetCatalogue.find("movielens-10k"))
                .hasMessageContaining("movielens-100k, movielens-1m, movielens-latest-small, movielens-25m");
    }
}
