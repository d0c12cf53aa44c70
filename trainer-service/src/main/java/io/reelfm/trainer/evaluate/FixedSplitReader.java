package io.reelfm.trainer.evaluate;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.split.Split;
import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.text.CsvParser;
import io.reelfm.datasets.text.CsvFormatException;
import io.reelfm.datasets.text.CsvRecords;
import io.reelfm.datasets.text.Separator;
import io.reelfm.datasets.text.TextFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code --train FILE --test FILE}, a split someone else made, into one {@link Split}
 * named {@code fixed} over shared indices.
 *
 * <p>Split files come from other tools as often as from MovieLens, so the row layout is told
 * from the content rather than the file name: {@code user item rating [timestamp]} rows that
 * are tab separated (u.data), {@code ::} separated (ratings.dat) or CSV (ratings.csv, quoted
 * fields allowed). A first line whose rating column is not a number is a header and skipped.
 * Timestamps are unix seconds as in every MovieLens file; a row without one gets time 0. The
 * splitting and quoting rules are the datasets module's, so these files parse exactly like the
 * data sets the replay reads (gzipped files included).
 */
final class FixedSplitReader {

    /** The split's name in reports. */
    static final String NAME = "fixed";

    private FixedSplitReader() {
    }

    /** @throws IllegalArgumentException naming {@code --train} or {@code --test} when a file is missing, unreadable or empty */
    static Split read(Path train, Path test, IdIndex users, IdIndex items) {
        RatingCollector trainRows = readFile("--train", train, users, items);
        RatingCollector testRows = readFile("--test", test, users, items);
        int numUsers = users.size();
        int numItems = items.size();
        return new Split(NAME, trainRows.build(numUsers, numItems), testRows.build(numUsers, numItems));
    }

    private static RatingCollector readFile(String option, Path file, IdIndex users, IdIndex items) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + ": " + file + " is not a file");
        }
        RatingCollector rows = new RatingCollector(option + " " + file, users, items);
        Layout layout = Layout.detect(option, file);
        if (layout.separator == null) {
            CsvRecords.forEach(file, layout.charset, layout.headerLines,
                    (f, n, raw) -> row(f, n, raw, "comma", file, rows, rows.errors()), rows.errors());
        } else {
            TextFiles.forEachLine(file, layout.charset, layout.headerLines,
                    (line, n) -> row(layout.separator.split(line), n, line, layout.separator.name(), file, rows, rows.errors()));
        }
        return rows;
    }

    /** One {@code user, item, rating[, timestamp]} row; reports it instead when it is malformed. */
    private static boolean row(List<String> f, long n, String raw, String separatorName, Path file,
                               Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        if (f.size() != 3 && f.size() != 4) {
            return TextFiles.bad(errors, file, n, "expected 3 or 4 " + separatorName
                    + "-separated fields (user, item, rating[, timestamp]), found " + f.size(), raw);
        }
        String user = f.get(0).trim();
        String item = f.get(1).trim();
        if (user.isEmpty() || item.isEmpty()) {
            return TextFiles.bad(errors, file, n, "empty user or item id", raw);
        }
        float rating;
        try {
            rating = Float.parseFloat(f.get(2).trim());
        } catch (NumberFormatException e) {
            return TextFiles.bad(errors, file, n, "rating is not a number: " + f.get(2), raw);
        }
        if (!Float.isFinite(rating)) {
            return TextFiles.bad(errors, file, n, "rating is not finite: " + f.get(2), raw);
        }
        long seconds = 0;
        if (f.size() == 4) {
            try {
                seconds = Long.parseLong(f.get(3).trim());
            } catch (NumberFormatException e) {
                return TextFiles.bad(errors, file, n, "timestamp is not a whole number: " + f.get(3), raw);
            }
        }
        sink.accept(new RatingRow(user, item, rating, seconds * 1000L));
        return true;
    }

    /**
     * How a file's rows are laid out, from its first non-blank line: {@code ::} wins over a tab
     * (ratings.dat has no tabs), a tab over a comma (u.data has no commas); anything else with a
     * comma is CSV.
     *
     * @param separator null for CSV, which needs the quote-aware record reader
     * @param headerLines physical lines to skip: up to and including a header line, else 0
     */
    private record Layout(Separator separator, Charset charset, int headerLines) {

        static Layout detect(String option, Path file) {
            String first = null;
            long lineNumber = 0;
            try (BufferedReader reader = TextFiles.open(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        first = line;
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            if (first == null) {
                throw new IllegalArgumentException(option + ": " + file + " is empty");
            }
            Separator separator;
            List<String> fields;
            if (first.contains(Separator.DOUBLE_COLON.value())) {
                separator = Separator.DOUBLE_COLON;
                fields = separator.split(first);
            } else if (first.contains(Separator.TAB.value())) {
                separator = Separator.TAB;
                fields = separator.split(first);
            } else if (first.contains(",")) {
                separator = null;
                fields = csvFields(first);
            } else {
                throw new IllegalArgumentException(option + ": cannot tell the row format of " + file
                        + ": its first line has no tab, '::' or comma; expected user, item, rating[, timestamp] rows"
                        + " separated by tabs (u.data), '::' (ratings.dat) or commas (CSV with a userId,movieId,rating,timestamp header)");
            }
            boolean header = fields.size() >= 3 && !isNumber(fields.get(2));
            // CSV releases are UTF-8; the tab and '::' MovieLens files are ISO-8859-1 (ids are ASCII either way).
            Charset charset = separator == null ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            return new Layout(separator, charset, header ? (int) lineNumber : 0);
        }

        private static List<String> csvFields(String line) {
            try {
                return CsvParser.parse(line);
            } catch (CsvFormatException e) {
                return List.of(line);
            }
        }

        private static boolean isNumber(String value) {
            try {
                Double.parseDouble(value.trim());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
