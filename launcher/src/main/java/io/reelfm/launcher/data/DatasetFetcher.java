package io.reelfm.launcher.data;

import java.io.IOException;
import java.nio.file.Path;

/** Puts a data set into the cache directory and says where it is. */
@FunctionalInterface
public interface DatasetFetcher {

    /**
     * @return the unpacked data set directory under {@code cacheDir}
     * @throws IOException when it cannot be downloaded (no network) or fails verification
     */
    Path fetch(KnownDataset dataset, Path cacheDir) throws IOException;

    static DatasetFetcher standard() {
        return new GroupLensDownloader(GroupLensDownloader.DEFAULT_BASE, DownloadProgress.NONE);
    }
}
