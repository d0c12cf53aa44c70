package io.reelfm.ingest.validate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.service.validation.Problem;

/**
 * Typed, problem-collecting access to the fields of one JSON object. Every accessor records
 * what is wrong (naming the field) and returns null instead of throwing, so one pass reports
 * every problem of a row.
 */
final class Fields {

    private final JsonNode node;
    private final List<String> allowed;
    private final int maxIdLength;
    private final List<Problem> problems = new ArrayList<>();

    private Fields(JsonNode node, List<String> allowed, int maxIdLength) {
        this.node = node;
        this.allowed = allowed;
        this.maxIdLength = maxIdLength;
    }

    /** Reads the fields of one row, each problem recorded in {@code f}, and says how to build the value. */
    @FunctionalInterface
    interface RowReader<T> {
        /** @return builds the value; called only when no field had a problem */
        Supplier<T> read(Fields f);
    }

    /**
     * The frame of every row validator: the node must be a JSON object whose fields are all in
     * {@code allowed}; {@code reader} checks the fields it knows, and the value is built only
     * when nothing was wrong.
     */
    static <T> Validated<T> validate(JsonNode node, List<String> allowed, int maxIdLength, RowReader<T> reader) {
        if (node == null || !node.isObject()) {
            return Validated.of(null, List.of(Problem.of(null, "expected a JSON object but got " + kind(node))));
        }
        Fields f = new Fields(node, allowed, maxIdLength);
        Supplier<T> value = reader.read(f);
        List<Problem> problems = f.problems();
        return Validated.of(problems.isEmpty() ? value.get() : null, problems);
    }

    List<Problem> problems() {
        rejectUnknown();
        return problems;
    }

    String requiredId(String name) {
        JsonNode v = present(name, true);
        return v == null ? null : id(name, v);
    }

    String optionalId(String name) {
        JsonNode v = present(name, false);
        return v == null ? null : id(name, v);
    }

    String requiredText(String name, int maxLength) {
        JsonNode v = present(name, true);
        return v == null ? null : text(name, v, maxLength);
    }

    String optionalText(String name, int maxLength) {
        JsonNode v = present(name, false);
        return v == null ? null : text(name, v, maxLength);
    }

    Double requiredNumber(String name) {
        JsonNode v = present(name, true);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            return problem(name, "must be a number but was " + kind(v));
        }
        return v.doubleValue();
    }

    Integer optionalInt(String name, int min, int max) {
        JsonNode v = present(name, false);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            return problem(name, "must be a whole number but was " + kind(v));
        }
        int i = v.intValue();
        if (i < min || i > max) {
            return problem(name, "must be between " + min + " and " + max + " but was " + i);
        }
        return i;
    }

    /** Epoch milliseconds as a whole number, or an ISO-8601 instant string. */
    Instant optionalInstant(String name) {
        JsonNode v = present(name, false);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            long millis = v.longValue();
            return millis < 0 ? problem(name, "must not be before 1970-01-01T00:00:00Z but was " + millis)
                    : Instant.ofEpochMilli(millis);
        }
        if (v.isTextual()) {
            try {
                Instant t = Instant.parse(v.textValue());
                return t.toEpochMilli() < 0 ? problem(name, "must not be before 1970-01-01T00:00:00Z") : t;
            } catch (DateTimeParseException | ArithmeticException e) {
                return problem(name, "must be epoch milliseconds or an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        return problem(name, "must be epoch milliseconds or an ISO-8601 instant but was " + kind(v));
    }

    List<String> optionalTextList(String name, int maxItems, int maxLength) {
        JsonNode v = present(name, false);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            return problem(name, "must be an array of strings but was " + kind(v));
        }
        if (v.size() > maxItems) {
            return problem(name, "must have at most " + maxItems + " entries but had " + v.size());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String s = text(name + "[" + i + "]", v.get(i), maxLength);
            if (s != null) {
                out.add(s);
            }
        }
        return out.size() == v.size() ? out : null;
    }

    Map<String, String> optionalTextMap(String name, int maxEntries, int maxLength) {
        JsonNode v = present(name, false);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            return problem(name, "must be an object of string values but was " + kind(v));
        }
        if (v.size() > maxEntries) {
            return problem(name, "must have at most " + maxEntries + " entries but had " + v.size());
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean bad = false;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String field = name + "." + e.getKey();
            String key = checkText(field, e.getKey(), maxLength);
            String value = text(field, e.getValue(), maxLength);
            if (key == null || value == null) {
                bad = true;
            } else {
                out.put(key, value);
            }
        }
        return bad ? null : out;
    }

    <T> T problem(String field, String message) {
        problems.add(Problem.of(field, message));
        return null;
    }

    private JsonNode present(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return required ? problem(name, "is required") : null;
        }
        return v;
    }

    private String id(String name, JsonNode v) {
        String s = text(name, v, maxIdLength);
        if (s != null && !s.equals(s.strip())) {
            return problem(name, "must not start or end with whitespace");
        }
        return s;
    }

    private String text(String name, JsonNode v, int maxLength) {
        if (!v.isTextual()) {
            return problem(name, "must be a string but was " + kind(v));
        }
        return checkText(name, v.textValue(), maxLength);
    }

    private String checkText(String name, String s, int maxLength) {
        if (s.isBlank()) {
            return problem(name, "must not be empty");
        }
        if (s.length() > maxLength) {
            return problem(name, "must be at most " + maxLength + " characters but was " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return problem(name, "must not contain control characters (found U+" + String.format("%04X", (int) c)
                        + " at index " + i + ")");
            }
        }
        return s;
    }

    private void rejectUnknown() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problems.add(Problem.of(name, "is not a known field (expected one of " + allowed + ")"));
            }
        }
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "the number " + v.asText();
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
