package io.reelfm.datasets.download;

/**
 * Told how far a download has got, so a command line can draw a progress bar without the
 * downloader knowing about terminals. Called on the downloading thread after every chunk.
 */
@FunctionalInterface
public interface DownloadListener {

    DownloadListener NONE = (done, total) -> { };

    /**
     * @param bytesDone  bytes of the file on disk so far (including a resumed part)
     * @param bytesTotal size of the whole file, or -1 when the server did not say
     */
    void progress(long bytesDone, long bytesTotal);

    /**
     * A file's transfer is about to start; its progress reports follow. Data sets of several
     * files announce each one, so a listener can draw one bar per file.
     *
     * @param fileName the file's name, as stored in the cache
     */
    default void starting(String fileName) {
    }
}
