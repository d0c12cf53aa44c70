package io.reelfm.datasets.text;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import io.reelfm.datasets.BadLine;

/**
 * Opens data files line by line, transparently gunzipping them (by {@code .gz} extension or the
 * gzip magic bytes, since dumps are often renamed), and numbers lines from 1 so every bad line
 * can be reported where it is. Shared by all readers so they agree on blank lines and numbering.
 */
public final class TextFiles {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_REPORTED_CHARS = 200;

    private TextFiles() {
    }

    /** Receives one non-blank line; returns true when it produced a good row. */
    @FunctionalInterface
    public interface LineHandler {
        boolean handle(String line, long lineNumber);
    }

    /** True when the file starts with the gzip magic bytes or is named {@code *.gz}. */
    public static boolean isGzip(Path file) {
        if (file.getFileName().toString().endsWith(".gz")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A reader over the (possibly gzipped) file. Malformed bytes become U+FFFD rather than
     * failing the whole file, as a mis-encoded title should not stop a replay.
     */
    public static BufferedReader open(Path file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            if (isGzip(file)) {
                in = new GZIPInputStream(in, BUFFER);
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
    }

    /**
     * Feeds every non-blank line after the first {@code headerLines} to the handler.
     *
     * @return the number of lines the handler accepted
     * @throws UncheckedIOException when the file cannot be read, naming it
     */
    public static long forEachLine(Path file, Charset charset, int headerLines, LineHandler handler) {
        long good = 0;
        try (BufferedReader reader = open(file, charset)) {
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (n <= headerLines || line.isBlank()) {
                    continue;
                }
                if (handler.handle(line, n)) {
                    good++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return good;
    }

    /**
     * Feeds the fields of every non-blank line to the handler, reporting a line with another
     * number of fields instead.
     *
     * @return the number of lines the handler accepted
     */
    public static long forEachRecord(Path file, Charset charset, Separator separator, int fields, Consumer<BadLine> errors,
                                     CsvRecords.RecordHandler handler) {
        return forEachLine(file, charset, 0, (line, n) -> {
            List<String> f = separator.split(line);
            if (f.size() != fields) {
                return bad(errors, file, n, "expected " + fields + " " + separator.name() + "-separated fields, found " + f.size(),
                        line);
            }
            return handler.handle(f, n, line);
        });
    }

    /** Reports a bad line (content cut to 200 characters) and returns false, for use as a handler result. */
    public static boolean bad(Consumer<BadLine> errors, Path file, long lineNumber, String reason, String line) {
        String content = line.length() > MAX_REPORTED_CHARS ? line.substring(0, MAX_REPORTED_CHARS) : line;
        errors.accept(new BadLine(file, lineNumber, reason, content));
        return false;
    }

    /** The first of the candidate names that exists in {@code dir}, or null. */
    public static Path firstExisting(Path dir, String... names) {
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
