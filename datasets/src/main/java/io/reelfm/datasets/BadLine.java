package io.reelfm.datasets;

import java.nio.file.Path;

/** A line a reader skipped, with where it was and why, so a bad file is reported, not fatal. */
public record BadLine(Path file, long lineNumber, String reason, String content) {

    @Override
    public String toString() {
        return file.getFileName() + ":" + lineNumber + ": " + reason;
    }
}
