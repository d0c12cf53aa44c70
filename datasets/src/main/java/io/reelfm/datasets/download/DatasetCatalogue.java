package io.reelfm.datasets.download;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data sets {@code reelfm} can fetch by name. Checksums are not pinned here: GroupLens
 * publishes an {@code .md5} beside each archive, fetched and verified at download time, so a
 * re-published archive does not break downloads while a corrupted one is still refused. IMDb
 * publishes no checksum and refreshes its dumps daily: their sizes and SHA-256 are recorded in
 * the cache's {@link Manifest} when they are downloaded.
 */
public final class DatasetCatalogue {

    private static final String GROUPLENS = "https://files.grouplens.org/datasets/movielens/";

    /** Where IMDb publishes its non-commercial dumps. */
    public static final URI IMDB_BASE = URI.create("https://datasets.imdbws.com/");

    /** The IMDb files fetched, as IMDb names them. */
    public static final List<String> IMDB_FILES = List.of("title.basics.tsv.gz", "title.akas.tsv.gz", "title.ratings.tsv.gz");

    /** IMDb's terms, shown before downloading its files. */
    public static final String IMDB_TERMS = "IMDb's non-commercial datasets: for personal and non-commercial use only,"
            + " subject to IMDb's terms at https://developer.imdb.com/non-commercial-datasets/";

    public static final List<KnownDataset> ALL = List.of(
            grouplens("movielens-100k", "ml-100k.zip", "MovieLens 100K: 100,000 ratings, 943 users, 1,682 movies (5 MB)"),
            grouplens("movielens-1m", "ml-1m.zip", "MovieLens 1M: 1,000,209 ratings, 6,040 users, 3,706 movies (6 MB)"),
            grouplens("movielens-latest-small", "ml-latest-small.zip",
                    "MovieLens latest small: ~100,000 ratings, 610 users, ~9,700 movies (1 MB)"),
            grouplens("movielens-25m", "ml-25m.zip", "MovieLens 25M: 25,000,095 ratings, 162,541 users, 62,423 movies (250 MB)"),
            imdb(IMDB_BASE));

    private DatasetCatalogue() {
    }

    private static KnownDataset grouplens(String id, String file, String description) {
        return new KnownDataset(id, URI.create(GROUPLENS + file), null, URI.create(GROUPLENS + file + ".md5"), description);
    }

    /**
     * The {@code imdb} entry: {@link #IMDB_FILES} under {@code base} (IMDb's site, or a test server),
     * kept gzipped as published; {@link io.reelfm.datasets.imdb.ImdbDataset} reads them as they are.
     */
    public static KnownDataset imdb(URI base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return new KnownDataset("imdb", KnownDataset.Packaging.FILES,
                IMDB_FILES.stream().map(f -> KnownDataset.RemoteFile.unchecked(URI.create(root + f))).toList(),
                "IMDb title dumps: titles (basics), alternative titles (akas) and aggregate ratings; movies only when read"
                        + " (several hundred MB gzipped, refreshed daily)",
                IMDB_TERMS);
    }

    /**
     * @throws IllegalArgumentException listing the known ids when {@code id} is not one of them
     */
    public static KnownDataset find(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "Unknown data set '" + id + "'; known: " + ALL.stream().map(KnownDataset::id).collect(Collectors.joining(", "))));
    }
}
