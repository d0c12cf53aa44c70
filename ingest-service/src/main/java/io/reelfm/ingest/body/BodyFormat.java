package io.reelfm.ingest.body;

import java.util.Locale;
import java.util.Optional;

/**
 * The request body encodings ingest accepts, recognised from the Content-Type. Only UTF-8 is
 * accepted (RFC 8259 requires it for JSON exchanged between systems).
 */
public enum BodyFormat {
    /** {@code application/json}: one value, an object or an array of objects. */
    JSON,
    /** {@code application/x-ndjson} (also {@code application/ndjson}, {@code application/jsonl}): one object per line. */
    NDJSON;

    public static final String ACCEPTED = "application/json, application/x-ndjson";

    public static Optional<BodyFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")
                    && !kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return Optional.empty();
            }
        }
        return switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
            case "application/json" -> Optional.of(JSON);
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines" -> Optional.of(NDJSON);
            default -> Optional.empty();
        };
    }
}
