package io.reelfm.datasets.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.datasets.imdb.ImdbDataset;
import io.reelfm.datasets.imdb.ImdbFixture;

/** The {@code imdb} catalogue entry against a real HTTP server on loopback, serving gzipped dumps made here. */
class ImdbDownloadIT {

    private static final List<String> NAMES = List.of("title.basics.tsv.gz", "title.akas.tsv.gz", "title.ratings.tsv.gz");

    @TempDir
    Path cache;

    @TempDir
    Path published;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> rangeHeaders = new ArrayList<>();
    private volatile String cutFile;
    private volatile boolean sendETags = true;

    @BeforeEach
    void publishAndStartServer() throws Exception {
        ImdbFixture.write(published, true);
        for (String name : NAMES) {
            files.put("/imdb/" + name, Files.readAllBytes(published.resolve(name)));
        }
        startServer();
    }

    private void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = files.get(path);
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String range = exchange.getRequestHeaders().getFirst("Range");
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            if (sendETags) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            if (range != null) {
                synchronized (rangeHeaders) {
                    rangeHeaders.add(path + " " + range + (ifRange == null ? "" : " if " + ifRange));
                }
            }
            int from = 0;
            int status = 200;
            if (range != null && (ifRange == null || ifRange.equals(etag))) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                status = 206;
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            exchange.sendResponseHeaders(status, body.length - from);
            OutputStream out = exchange.getResponseBody();
            if (path.endsWith("/" + cutFile)) {
                out.write(body, from, (body.length - from) / 2);
                out.flush();
                exchange.getHttpContext().getServer().stop(0);
                return;
            }
            out.write(body, from, body.length - from);
        }
    }

    private KnownDataset imdb() {
        return DatasetCatalogue.imdb(URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/imdb"));
    }

    private DatasetDownloader downloader() {
        return new DatasetDownloader(DownloadConfig.defaults().withCacheDir(cache));
    }

    private int hitsOf(String name) {
        AtomicInteger n = hits.get("/imdb/" + name);
        return n == null ? 0 : n.get();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private List<String> cacheContents() throws IOException {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(p -> !p.equals(cache)).map(p -> cache.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void storesTheThreeFilesAsPublishedRecordsSizesAndHashesAndOpensAsImdb() throws Exception {
        List<String> started = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void starting(String fileName) {
                started.add(fileName);
            }

            @Override
            public void progress(long done, long total) {
                progress.add(new long[] {done, total});
            }
        };

        Path dir = downloader().fetch(imdb(), listener);

        assertThat(dir).isEqualTo(cache.resolve("imdb"));
        assertThat(started).containsExactlyElementsOf(NAMES);
        byte[] ratings = files.get("/imdb/title.ratings.tsv.gz");
        assertThat(progress.get(progress.size() - 1)).containsExactly(ratings.length, ratings.length);
        assertThat(cacheContents()).containsExactly("imdb", "imdb/MANIFEST", "imdb/title.akas.tsv.gz",
                "imdb/title.basics.tsv.gz", "imdb/title.ratings.tsv.gz");
        Manifest manifest = Manifest.read(dir);
        long total = 0;
        for (String name : NAMES) {
            byte[] served = files.get("/imdb/" + name);
            assertThat(Files.readAllBytes(dir.resolve(name))).isEqualTo(served);
            assertThat(manifest.entry(name)).hasValue(new Manifest.Entry(name, served.length, sha256(served)));
            assertThat(Files.readString(dir.resolve("MANIFEST")))
                    .contains(sha256(served) + "  " + served.length + "  " + name + "\n");
            total += served.length;
        }
        assertThat(manifest.totalBytes()).isEqualTo(total);

        Dataset dataset = DatasetFormat.open(dir);
        assertThat(dataset).isInstanceOf(ImdbDataset.class);
        assertThat(dataset.name()).isEqualTo("imdb");
        List<MovieRow> movies = new ArrayList<>();
        dataset.movies(movies::add, new LineErrors());
        assertThat(movies).anySatisfy(m -> {
            assertThat(m.imdbId()).isEqualTo("tt0111161");
            assertThat(m.title()).isEqualTo("The Shawshank Redemption");
            assertThat(m.year()).isEqualTo(1994);
        });
    }

    @Test
    void aSecondRunFindsTheFilesMatchingTheManifestAndFetchesNothing() throws Exception {
        Path dir = downloader().fetch(imdb(), DownloadListener.NONE);
        String manifest = Files.readString(dir.resolve("MANIFEST"));

        assertThat(downloader().isCached(imdb())).isTrue();
        List<String> started = new ArrayList<>();
        assertThat(downloader().fetch(imdb(), new DownloadListener() {
            @Override
            public void starting(String fileName) {
                started.add(fileName);
            }

            @Override
            public void progress(long done, long total) {
            }
        })).isEqualTo(dir);

        assertThat(started).isEmpty();
        for (String name : NAMES) {
            assertThat(hitsOf(name)).as(name).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("MANIFEST"))).isEqualTo(manifest);
    }

    @Test
    void aFileNoLongerMatchingItsSizeOrHashIsFetchedAgainAndTheOthersAreKept() throws Exception {
        Path dir = downloader().fetch(imdb(), DownloadListener.NONE);
        String manifest = Files.readString(dir.resolve("MANIFEST"));
        byte[] akas = Files.readAllBytes(dir.resolve("title.akas.tsv.gz"));
        akas[akas.length / 2] ^= 0x55;
        Files.write(dir.resolve("title.akas.tsv.gz"), akas);
        byte[] ratings = Files.readAllBytes(dir.resolve("title.ratings.tsv.gz"));
        Files.write(dir.resolve("title.ratings.tsv.gz"), java.util.Arrays.copyOf(ratings, ratings.length - 10));

        assertThat(downloader().isCached(imdb())).isFalse();
        downloader().fetch(imdb(), DownloadListener.NONE);

        assertThat(hitsOf("title.basics.tsv.gz")).isEqualTo(1);
        assertThat(hitsOf("title.akas.tsv.gz")).isEqualTo(2);
        assertThat(hitsOf("title.ratings.tsv.gz")).isEqualTo(2);
        assertThat(Files.readAllBytes(dir.resolve("title.akas.tsv.gz"))).isEqualTo(files.get("/imdb/title.akas.tsv.gz"));
        assertThat(Files.readAllBytes(dir.resolve("title.ratings.tsv.gz"))).isEqualTo(ratings);
        assertThat(Files.readString(dir.resolve("MANIFEST"))).isEqualTo(manifest);
        assertThat(downloader().isCached(imdb())).isTrue();
    }

    @Test
    void aDamagedFileIsTakenAwayAndOutOfTheManifestEvenWhenItsReplacementCannotBeFetched() throws Exception {
        Path dir = downloader().fetch(imdb(), DownloadListener.NONE);
        Files.write(dir.resolve("title.akas.tsv.gz"), new byte[] {1, 2, 3});
        server.stop(0);

        assertThatThrownBy(() -> downloader().fetch(imdb(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("title.akas.tsv.gz");

        assertThat(cacheContents()).containsExactly("imdb", "imdb/MANIFEST", "imdb/title.basics.tsv.gz",
                "imdb/title.ratings.tsv.gz");
        assertThat(Manifest.read(dir).entries()).extracting(Manifest.Entry::name)
                .containsExactly("title.basics.tsv.gz", "title.ratings.tsv.gz");
    }

    @Test
    void aFileTheManifestDoesNotVouchForIsFetchedAgain() throws Exception {
        Path dir = downloader().fetch(imdb(), DownloadListener.NONE);
        Files.delete(dir.resolve("MANIFEST"));

        assertThat(downloader().isCached(imdb())).isFalse();
        downloader().fetch(imdb(), DownloadListener.NONE);

        for (String name : NAMES) {
            assertThat(hitsOf(name)).as(name).isEqualTo(2);
        }
        assertThat(Manifest.read(dir).entries()).hasSize(3);
    }

    @Test
    void aCutTransferLeavesOnlyAPartFileOutsideTheManifestAndTheNextRunResumesIt() throws Exception {
        cutFile = "title.akas.tsv.gz";

        assertThatThrownBy(() -> downloader().fetch(imdb(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("title.akas.tsv.gz");
        Path dir = cache.resolve("imdb");
        assertThat(cacheContents()).containsExactly("imdb", "imdb/MANIFEST", "imdb/title.akas.tsv.gz.part",
                "imdb/title.akas.tsv.gz.part.validator", "imdb/title.basics.tsv.gz");
        assertThat(Manifest.read(dir).entries()).extracting(Manifest.Entry::name).containsExactly("title.basics.tsv.gz");
        assertThat(downloader().isCached(imdb())).isFalse();
        long partial = Files.size(dir.resolve("title.akas.tsv.gz.part"));

        cutFile = null;
        startServer();
        downloader().fetch(imdb(), DownloadListener.NONE);

        assertThat(hitsOf("title.basics.tsv.gz")).isEqualTo(1);
        if (partial > 0) {
            assertThat(rangeHeaders).singleElement().asString()
                    .startsWith("/imdb/title.akas.tsv.gz bytes=" + partial + "- if \"");
        }
        for (String name : NAMES) {
            assertThat(Files.readAllBytes(dir.resolve(name))).isEqualTo(files.get("/imdb/" + name));
        }
        assertThat(cacheContents()).noneMatch(f -> f.endsWith(".part") || f.endsWith(".validator"));
        assertThat(Manifest.read(dir).entries()).hasSize(3);
    }

    @Test
    void aFileRepublishedBetweenAttemptsIsFetchedWholeNotSplicedOntoTheOldBytes() throws Exception {
        cutFile = "title.akas.tsv.gz";
        assertThatThrownBy(() -> downloader().fetch(imdb(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class);
        Path dir = cache.resolve("imdb");
        assertThat(Files.size(dir.resolve("title.akas.tsv.gz.part"))).isPositive();

        byte[] republished = gzip("titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n"
                + "tt0111161\t1\tThe Shawshank Redemption\t\\N\ten\toriginal\t\\N\t1\n");
        files.put("/imdb/title.akas.tsv.gz", republished);
        cutFile = null;
        startServer();
        downloader().fetch(imdb(), DownloadListener.NONE);

        assertThat(rangeHeaders).singleElement().asString().contains(" if \"");
        assertThat(Files.readAllBytes(dir.resolve("title.akas.tsv.gz"))).isEqualTo(republished);
        assertThat(Manifest.read(dir).entry("title.akas.tsv.gz")).hasValue(
                new Manifest.Entry("title.akas.tsv.gz", republished.length, sha256(republished)));
        assertThat(cacheContents()).noneMatch(f -> f.endsWith(".part") || f.endsWith(".validator"));
    }

    @Test
    void aPartFileWithoutAValidatorIsStartedOverSinceNoChecksumWouldCatchASplice() throws Exception {
        sendETags = false;
        cutFile = "title.akas.tsv.gz";
        assertThatThrownBy(() -> downloader().fetch(imdb(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class);
        Path dir = cache.resolve("imdb");
        assertThat(Files.size(dir.resolve("title.akas.tsv.gz.part"))).isPositive();
        assertThat(cacheContents()).noneMatch(f -> f.endsWith(".validator"));

        cutFile = null;
        startServer();
        downloader().fetch(imdb(), DownloadListener.NONE);

        assertThat(rangeHeaders).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("title.akas.tsv.gz"))).isEqualTo(files.get("/imdb/title.akas.tsv.gz"));
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aMissingFileIsUnavailableWithTheHttpStatusAndLeavesNothingUnderItsName() throws Exception {
        files.remove("/imdb/title.ratings.tsv.gz");

        assertThatThrownBy(() -> downloader().fetch(imdb(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("/imdb/title.ratings.tsv.gz");
        assertThat(cacheContents()).doesNotContain("imdb/title.ratings.tsv.gz");
        assertThat(Manifest.read(cache.resolve("imdb")).entries()).hasSize(2);
    }

    @Test
    void catalogueNamesImdbsFilesAndTerms() {
        KnownDataset imdb = DatasetCatalogue.find("imdb");
        assertThat(imdb.packaging()).isEqualTo(KnownDataset.Packaging.FILES);
        assertThat(imdb.files()).extracting(f -> f.url().toString()).containsExactly(
                "https://datasets.imdbws.com/title.basics.tsv.gz", "https://datasets.imdbws.com/title.akas.tsv.gz",
                "https://datasets.imdbws.com/title.ratings.tsv.gz");
        assertThat(imdb.files()).noneMatch(KnownDataset.RemoteFile::hasPublishedChecksum);
        assertThat(imdb.terms()).contains("non-commercial datasets", "personal and non-commercial use only",
                "https://developer.imdb.com/non-commercial-datasets/");
        assertThatThrownBy(imdb::url).isInstanceOf(IllegalStateException.class);
        assertThat(DatasetCatalogue.find("movielens-100k").terms()).isNull();
    }
}
