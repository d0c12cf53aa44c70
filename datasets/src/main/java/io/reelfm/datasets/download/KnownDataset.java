package io.reelfm.datasets.download;

import java.net.URI;
import java.util.List;

/**
 * A data set the downloader knows where to find: either one zip archive unpacked into the cache
 * (MovieLens) or several files kept as published (IMDb's gzipped TSV dumps).
 *
 * @param id          short name used on the command line and as the cache directory name
 * @param packaging   whether {@code files} is one archive to unpack or files to keep as they are
 * @param files       what to fetch: exactly one for {@link Packaging#ZIP}, at least one otherwise,
 *                    with distinct file names
 * @param description one line for listings
 * @param terms       the publisher's terms of use in one or two lines, shown before a download,
 *                    or null when the data set carries them itself (MovieLens: its README)
 */
public record KnownDataset(String id, Packaging packaging, List<RemoteFile> files, String description, String terms) {

    /** How a data set is published. */
    public enum Packaging {
        /** One zip archive, unpacked into {@code <cache>/<id>}. */
        ZIP,
        /** Files stored as published in {@code <cache>/<id>}, with a {@link Manifest} of their sizes and SHA-256. */
        FILES
    }

    /**
     * One file of a data set.
     *
     * @param url         where it is
     * @param md5         its MD5 when known for certain, else null: it is then fetched from
     *                    {@code checksumUrl} at download time
     * @param checksumUrl where the publisher keeps the MD5 (GroupLens: the zip URL + {@code .md5}),
     *                    or null
     */
    public record RemoteFile(URI url, String md5, URI checksumUrl) {

        public RemoteFile {
            if (url == null) {
                throw new IllegalArgumentException("file url must be set");
            }
            if (md5 != null && !md5.matches("[0-9a-fA-F]{32}")) {
                throw new IllegalArgumentException("md5 of " + url + " is not 32 hex digits: " + md5);
            }
        }

        /** A file whose publisher gives no checksum (its size and SHA-256 are recorded on download). */
        public static RemoteFile unchecked(URI url) {
            return new RemoteFile(url, null, null);
        }

        /** True when the publisher gives a checksum, pinned or at {@code checksumUrl}. */
        public boolean hasPublishedChecksum() {
            return md5 != null || checksumUrl != null;
        }

        /** The file name, taken from the URL. */
        public String fileName() {
            String path = url.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    public KnownDataset {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("dataset id must not be blank");
        }
        if (packaging == null) {
            throw new IllegalArgumentException("dataset packaging must be set for " + id);
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("dataset files must be set for " + id);
        }
        files = List.copyOf(files);
        if (packaging == Packaging.ZIP && files.size() != 1) {
            throw new IllegalArgumentException("zip data set " + id + " must have exactly one archive, has " + files.size());
        }
        if (files.stream().map(RemoteFile::fileName).distinct().count() != files.size()) {
            throw new IllegalArgumentException("dataset " + id + " has two files of the same name: " + files);
        }
        for (RemoteFile f : files) {
            if (f.fileName().isEmpty() || f.fileName().startsWith(".") || Manifest.FILE_NAME.equals(f.fileName())) {
                throw new IllegalArgumentException("dataset " + id + " has a file URL without a usable name: " + f.url());
            }
        }
    }

    /**
     * A data set published as one zip archive.
     *
     * @param url         the zip archive
     * @param md5         the archive's MD5 when known for certain, else null: it is then fetched
     *                    from {@code checksumUrl} at download time
     * @param checksumUrl where the publisher keeps the MD5, or null
     */
    public KnownDataset(String id, URI url, String md5, URI checksumUrl, String description) {
        this(id, Packaging.ZIP, List.of(new RemoteFile(url, md5, checksumUrl)), description, null);
    }

    /** The archive of a {@link Packaging#ZIP} data set. */
    public RemoteFile archive() {
        if (packaging != Packaging.ZIP) {
            throw new IllegalStateException(id + " is not a zip archive but " + files.size() + " files");
        }
        return files.get(0);
    }

    /** The archive's URL ({@link Packaging#ZIP} only). */
    public URI url() {
        return archive().url();
    }

    /** The archive's pinned MD5, or null ({@link Packaging#ZIP} only). */
    public String md5() {
        return archive().md5();
    }

    /** Where the archive's MD5 is published, or null ({@link Packaging#ZIP} only). */
    public URI checksumUrl() {
        return archive().checksumUrl();
    }

    /** The archive's file name, taken from the URL ({@link Packaging#ZIP} only). */
    public String fileName() {
        return archive().fileName();
    }
}
