package io.reelfm.datasets.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;

/**
 * Streams the records of a CSV file, joining physical lines while a quoted field is open, and
 * reports malformed records with the line number where they start. A record still open after
 * {@value #MAX_RECORD_LINES} lines is reported and dropped, so one stray quote cannot swallow
 * the rest of the file.
 */
public final class CsvRecords {

    static final int MAX_RECORD_LINES = 64;

    private CsvRecords() {
    }

    /** Receives one parsed record; returns true when it produced a good row. */
    @FunctionalInterface
    public interface RecordHandler {
        boolean handle(List<String> fields, long lineNumber, String raw);
    }

    /** @return the number of records the handler accepted */
    public static long forEach(Path file, Charset charset, int headerLines, RecordHandler handler,
                               Consumer<BadLine> errors) {
        long good = 0;
        try (BufferedReader reader = TextFiles.open(file, charset)) {
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (n <= headerLines || line.isBlank()) {
                    continue;
                }
                long start = n;
                String record = line;
                int lines = 1;
                while (true) {
                    try {
                        if (handler.handle(CsvParser.parse(record), start, record)) {
                            good++;
                        }
                        break;
                    } catch (CsvFormatException e) {
                        String next = e.unterminated() && lines < MAX_RECORD_LINES ? reader.readLine() : null;
                        if (next == null) {
                            TextFiles.bad(errors, file, start, e.getMessage(), record);
                            break;
                        }
                        n++;
                        lines++;
                        record = record + "\n" + next;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return good;
    }
}
