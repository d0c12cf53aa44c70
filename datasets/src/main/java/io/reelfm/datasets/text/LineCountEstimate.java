package io.reelfm.datasets.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Guesses the number of lines in a large text file from its size and the line density of its
 * first megabyte, so a progress bar can start without reading the whole file. Exact when the
 * file is smaller than the sample.
 */
public final class LineCountEstimate {

    static final int SAMPLE_BYTES = 1 << 20;

    private LineCountEstimate() {
    }

    /**
     * @param headerLines lines at the top that are not records
     * @return the estimated number of records, or empty when the file cannot be read or is compressed
     */
    public static OptionalLong of(Path file, int headerLines) {
        if (file.getFileName().toString().endsWith(".gz")) {
            return OptionalLong.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] buffer = in.readNBytes(SAMPLE_BYTES);
            if (buffer.length == 0) {
                return OptionalLong.of(0);
            }
            long newlines = 0;
            for (byte b : buffer) {
                if (b == '\n') {
                    newlines++;
                }
            }
            if (buffer[buffer.length - 1] != '\n' && buffer.length == size) {
                newlines++;
            }
            long lines = buffer.length == size ? newlines : Math.round((double) newlines * size / buffer.length);
            return OptionalLong.of(Math.max(0, lines - headerLines));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
