package io.reelfm.datasets.download;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MD5 a download is checked against: the one the catalogue pins, else the one the publisher
 * serves beside the file (GroupLens: the archive URL + {@code .md5}). When there is none,
 * {@link DownloadConfig#requireChecksum()} decides between refusing the download and going on
 * with a warning; files of a data set that publishes no checksum at all are pinned by the
 * cache's {@link Manifest} instead.
 */
final class PublishedChecksum {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedChecksum.class);

    private final HttpClient http;
    private final ResumableTransfer transfer;
    private final DownloadConfig config;

    PublishedChecksum(HttpClient http, ResumableTransfer transfer, DownloadConfig config) {
        this.http = http;
        this.transfer = transfer;
        this.config = config;
    }

    /**
     * The MD5 to check {@code file} against, or null. A file of a {@link KnownDataset.Packaging#FILES}
     * data set without a published checksum is not checked here: the manifest records it instead.
     */
    String expectedMd5(KnownDataset dataset, KnownDataset.RemoteFile file) {
        if (file.md5() != null) {
            return file.md5().toLowerCase(Locale.ROOT);
        }
        if (!file.hasPublishedChecksum() && dataset.packaging() == KnownDataset.Packaging.FILES) {
            return null;
        }
        String problem;
        if (file.checksumUrl() == null) {
            problem = "no checksum is known for " + dataset.id();
        } else {
            try {
                HttpResponse<String> response = http.send(transfer.request(file.checksumUrl()).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
                String md5 = response.statusCode() == 200 ? Md5.parse(response.body()) : null;
                if (md5 != null) {
                    return md5;
                }
                problem = response.statusCode() == 200 ? "no MD5 digest in " + file.checksumUrl()
                        : "HTTP " + response.statusCode() + " from " + file.checksumUrl();
            } catch (IOException e) {
                throw ResumableTransfer.unavailable(file.checksumUrl(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetUnavailableException("Interrupted while fetching " + file.checksumUrl(), e);
            }
        }
        if (config.requireChecksum()) {
            throw new DatasetUnavailableException("Cannot verify " + file.fileName() + ": " + problem
                    + " (downloads without a checksum are refused unless requireChecksum is off)");
        }
        LOG.warn("Downloading {} without verification: {}", file.fileName(), problem);
        return null;
    }
}
