package io.reelfm.datasets.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one RFC 4180 record into fields: comma separated, fields optionally enclosed in double
 * quotes, a doubled quote inside a quoted field standing for one quote, and commas and line
 * breaks allowed inside quotes. MovieLens titles such as {@code "Shawshank Redemption, The
 * (1994)"} need this; a naive split on commas shifts every later column.
 *
 * <p>Strict where the RFC is: a quote inside an unquoted field, or text after a closing quote,
 * is an error rather than a guess.
 */
public final class CsvParser {

    private CsvParser() {
    }

    /**
     * @param record one record without its terminating line break (may contain line breaks inside quotes)
     * @throws CsvFormatException with {@link CsvFormatException#unterminated()} set when the record
     *         ends inside quotes, so a reader can append the next physical line and retry
     */
    public static List<String> parse(String record) throws CsvFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = record.length();
        while (true) {
            field.setLength(0);
            if (i < n && record.charAt(i) == '"') {
                int openedAt = i;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new CsvFormatException("unterminated quoted field", openedAt + 1, true);
                    }
                    char c = record.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && record.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                if (i < n && record.charAt(i) != ',') {
                    throw new CsvFormatException("unexpected character after closing quote", i + 1, false);
                }
            } else {
                int start = i;
                while (i < n && record.charAt(i) != ',') {
                    if (record.charAt(i) == '"') {
                        throw new CsvFormatException("quote inside unquoted field", i + 1, false);
                    }
                    i++;
                }
                field.append(record, start, i);
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++;
        }
    }
}
