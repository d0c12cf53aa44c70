package io.reelfm.ingest.validate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.service.validation.Problem;

/**
 * Reads the fields of one JSON object by JSON type. Every accessor records a value of the wrong
 * type (naming the field) and returns null instead of throwing, so one pass reports every
 * problem of a row; an absent or null field is simply null. What a valid value is (required
 * fields, lengths, ranges, the rating scale) is {@link RecordRules}' business, shared with the
 * replay of data sets.
 */
final class Fields {

    private final JsonNode node;
    private final List<String> allowed;
    private final List<Problem> problems = new ArrayList<>();

    private Fields(JsonNode node, List<String> allowed) {
        this.node = node;
        this.allowed = allowed;
    }

    /**
     * The frame of every row validator: the node must be a JSON object whose fields are all in
     * {@code allowed}; {@code reader} reads the fields it knows and hands them, with the problems
     * found so far, to the {@link RecordRules}.
     */
    static <T> Validated<T> validate(JsonNode node, List<String> allowed, Function<Fields, Validated<T>> reader) {
        if (node == null || !node.isObject()) {
            return Validated.of(null, List.of(Problem.of(null, "expected a JSON object but got " + kind(node))));
        }
        Fields f = new Fields(node, allowed);
        f.rejectUnknown();
        return reader.apply(f);
    }

    /** The problems recorded so far; the rules add theirs to the same list. */
    List<Problem> problems() {
        return problems;
    }

    String text(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        return v.isTextual() ? v.textValue() : problem(name, "must be a string but was " + kind(v));
    }

    Double number(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        return v.isNumber() ? v.doubleValue() : problem(name, "must be a number but was " + kind(v));
    }

    Integer integer(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            return problem(name, "must be a whole number but was " + kind(v));
        }
        return v.intValue();
    }

    Long longInteger(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            return problem(name, "must be a whole number but was " + kind(v));
        }
        return v.longValue();
    }

    /** Epoch milliseconds as a whole number, or an ISO-8601 instant string. */
    Instant instant(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Instant.ofEpochMilli(v.longValue());
        }
        if (v.isTextual()) {
            try {
                return Instant.parse(v.textValue());
            } catch (DateTimeParseException e) {
                return problem(name, "must be epoch milliseconds or an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        return problem(name, "must be epoch milliseconds or an ISO-8601 instant but was " + kind(v));
    }

    /** The value as the client wrote it, for messages; null when absent. */
    String asWritten(String name) {
        JsonNode v = present(name);
        return v == null ? null : v.asText();
    }

    List<String> textList(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            return problem(name, "must be an array of strings but was " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isTextual()) {
                out.add(item.textValue());
            } else {
                problem(name + "[" + i + "]", "must be a string but was " + kind(item));
            }
        }
        return out.size() == v.size() ? out : null;
    }

    Map<String, String> textMap(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            return problem(name, "must be an object of string values but was " + kind(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean bad = false;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            } else {
                problem(name + "." + e.getKey(), "must be a string but was " + kind(e.getValue()));
                bad = true;
            }
        }
        return bad ? null : out;
    }

    private <T> T problem(String field, String message) {
        problems.add(Problem.of(field, message));
        return null;
    }

    private JsonNode present(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
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
