package io.reelfm.datasets.download;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the {@link DatasetDownloader}.
 *
 * @param cacheDir           where archives and unpacked data sets are kept; default
 *                           {@code $REELFM_DATASET_CACHE}, else {@code ~/.cache/reelfm/datasets}
 * @param connectTimeout     time allowed to connect; default 10 s
 * @param responseTimeout    time allowed until response headers arrive (not the whole body);
 *                           default 30 s
 * @param stallTimeout       give up (keeping the part file for a resume) when no byte of the body
 *                           arrives for this long; default 60 s
 * @param requireChecksum    refuse a download whose checksum cannot be obtained; default true
 * @param maxExtractedBytes  refuse archives that unpack to more than this (zip bombs);
 *                           default 8 GiB, above MovieLens 25M's ~1.1 GB
 */
public record DownloadConfig(Path cacheDir, Duration connectTimeout, Duration responseTimeout, Duration stallTimeout,
                             boolean requireChecksum, long maxExtractedBytes) {

    public static final String CACHE_ENV = "REELFM_DATASET_CACHE";

    /**
     * @throws IllegalArgumentException naming the setting when a value is missing or not positive
     */
    public DownloadConfig {
        if (cacheDir == null) {
            throw new IllegalArgumentException("download cacheDir must be set");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("download connectTimeout must be positive, was " + connectTimeout);
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("download responseTimeout must be positive, was " + responseTimeout);
        }
        if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("download stallTimeout must be positive, was " + stallTimeout);
        }
        if (maxExtractedBytes <= 0) {
            throw new IllegalArgumentException("download maxExtractedBytes must be positive, was " + maxExtractedBytes);
        }
    }

    public static DownloadConfig defaults() {
        String env = System.getenv(CACHE_ENV);
        Path cache = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "reelfm", "datasets");
        return new DownloadConfig(cache, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), true,
                8L << 30);
    }

    public DownloadConfig withCacheDir(Path cacheDir) {
        return new DownloadConfig(cacheDir, connectTimeout, responseTimeout, stallTimeout, requireChecksum, maxExtractedBytes);
    }

    public DownloadConfig withStallTimeout(Duration stallTimeout) {
        return new DownloadConfig(cacheDir, connectTimeout, responseTimeout, stallTimeout, requireChecksum, maxExtractedBytes);
    }

    public DownloadConfig withRequireChecksum(boolean requireChecksum) {
        return new DownloadConfig(cacheDir, connectTimeout, responseTimeout, stallTimeout, requireChecksum, maxExtractedBytes);
    }

    public DownloadConfig withMaxExtractedBytes(long maxExtractedBytes) {
        return new DownloadConfig(cacheDir, connectTimeout, responseTimeout, stallTimeout, requireChecksum, maxExtractedBytes);
    }
}
