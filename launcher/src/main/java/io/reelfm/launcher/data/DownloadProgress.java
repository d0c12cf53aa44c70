package io.reelfm.launcher.data;

/** Receives byte counts while an archive downloads. */
public interface DownloadProgress {

    /** @param totalBytes -1 when the server does not say */
    void started(String name, long totalBytes);

    void advanced(long bytes);

    void finished();

    DownloadProgress NONE = new DownloadProgress() {
        @Override
        public void started(String name, long totalBytes) {
        }

        @Override
        public void advanced(long bytes) {
        }

        @Override
        public void finished() {
        }
    };
}
