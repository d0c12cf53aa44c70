package io.reelfm.ingest.body;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelfm.ingest.validate.Validated;
import io.reelfm.service.validation.Problem;

/**
 * Splits a request body into JSON rows without interpreting them. Malformed JSON, an empty
 * body, the wrong top-level shape and too many rows are reported as problems (with the row
 * index for NDJSON lines), never as exceptions, so the caller answers 400 with all of them.
 */
public final class BodyParser {

    private final ObjectMapper mapper;
    private final int maxRows;

    public BodyParser(ObjectMapper mapper, int maxRows) {
        this.mapper = mapper;
        this.maxRows = maxRows;
    }

    /** What the top level of the body must be. */
    public enum Shape {
        /** One JSON object ({@code POST /ratings}). */
        OBJECT,
        /** A JSON array or NDJSON ({@code POST /ratings/batch}). */
        ROWS,
        /** Either: an upsert endpoint taking one object or many. */
        OBJECT_OR_ROWS
    }

    /** The rows found, and whether the body was a batch (so problems carry row indexes). */
    public record Parsed(List<JsonNode> rows, boolean batch) {
    }

    public Validated<Parsed> parse(byte[] body, BodyFormat format, Shape shape) {
        if (isBlank(body, 0, body.length)) {
            return fail(null, "request body is empty");
        }
        if (format == BodyFormat.NDJSON) {
            if (shape == Shape.OBJECT) {
                return fail(null, "this endpoint takes one JSON object (application/json), not NDJSON");
            }
            return ndjson(body);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return fail(null, "malformed JSON: " + describe(e));
        } catch (IOException e) {
            return fail(null, "unreadable body: " + e.getMessage());
        }
        if (root.isArray()) {
            if (shape == Shape.OBJECT) {
                return fail(null, "expected a JSON object but got an array; send batches to the batch endpoint");
            }
            List<JsonNode> rows = new ArrayList<>(root.size());
            root.forEach(rows::add);
            return rows(rows, true);
        }
        if (shape == Shape.ROWS) {
            return fail(null, "expected a JSON array of objects or NDJSON");
        }
        return rows(List.of(root), false);
    }

    /** Splits on raw bytes, so invalid UTF-8 reaches the JSON parser (and is refused) instead of being replaced. */
    private Validated<Parsed> ndjson(byte[] body) {
        List<JsonNode> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int line = 0;
        for (int start = 0; start < body.length; ) {
            int end = indexOf(body, (byte) '\n', start);
            line++;
            int len = end - start;
            if (len > 0 && body[start + len - 1] == '\r') {
                len--;
            }
            if (!isBlank(body, start, start + len)) {
                if (rows.size() >= maxRows) {
                    return tooMany(maxRows + 1 + "+");
                }
                try {
                    rows.add(mapper.readTree(body, start, len));
                } catch (IOException e) {
                    problems.add(new Problem(rows.size(), null, "malformed JSON on line " + line + ": " + describe(e)));
                    rows.add(null);
                }
            }
            start = end + 1;
        }
        if (!problems.isEmpty()) {
            return new Validated<>(null, problems);
        }
        return rows(rows, true);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private Validated<Parsed> rows(List<JsonNode> rows, boolean batch) {
        if (rows.isEmpty()) {
            return fail(null, "the batch has no rows");
        }
        if (rows.size() > maxRows) {
            return tooMany(String.valueOf(rows.size()));
        }
        return new Validated<>(new Parsed(rows, batch), List.of());
    }

    private Validated<Parsed> tooMany(String count) {
        return fail(null, "the batch has " + count + " rows; at most " + maxRows + " are allowed per request");
    }

    private static Validated<Parsed> fail(Integer row, String message) {
        return new Validated<>(null, List.of(new Problem(row, null, message)));
    }

    private static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException jpe)) {
            return e.getMessage();
        }
        JsonLocation at = jpe.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return jpe.getOriginalMessage().lines().findFirst().orElse("invalid JSON") + where;
    }
}
