package io.reelfm.ingest.replay;

/**
 * Where a replay reports its progress: a console progress bar for people, nothing in tests and
 * in the demo's background replay.
 */
public interface ReplayProgress {

    /** One phase (movies, users, reading ratings, ratings). */
    interface Phase extends AutoCloseable {
        void stepBy(long n);

        @Override
        void close();
    }

    /** @param total expected steps, or -1 when unknown */
    Phase begin(String name, long total);

    ReplayProgress NONE = (name, total) -> new Phase() {
        @Override
        public void stepBy(long n) {
        }

        @Override
        public void close() {
        }
    };
}
