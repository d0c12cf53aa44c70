package io.reelfm.datasets.download;

import java.net.URI;

/**
 * A data set the downloader knows where to find.
 *
 * @param id          short name used on the command line and as the cache directory name
 * @param url         the zip archive
 * @param md5         the archive's MD5 when known for certain, else null: it is then fetched
 *                    from {@code checksumUrl} at download time
 * @param checksumUrl where the publisher keeps the MD5 (GroupLens: the zip URL + {@code .md5}),
 *                    or null
 * @param description one line for listings
 */
public record KnownDataset(String id, URI url, String md5, URI checksumUrl, String description) {

    public KnownDataset {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("dataset id must not be blank");
        }
        if (url == null) {
            throw new IllegalArgumentException("dataset url must be set for " + id);
        }
        if (md5 != null && !md5.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("dataset md5 of " + id + " is not 32 hex digits: " + md5);
        }
    }

    /** The archive's file name, taken from the URL. */
    public String fileName() {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
