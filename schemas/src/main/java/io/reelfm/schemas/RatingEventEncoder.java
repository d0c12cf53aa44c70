package io.reelfm.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Writes a {@link RatingEvent} in Avro single-object encoding by hand: the same bytes Avro's
 * {@code BinaryMessageEncoder} writes for the current schema (the header with its fingerprint,
 * then the fields in binary encoding), without the generic writer's per-field dispatch and
 * logical-type conversion and the two copies of its buffer. A replay's single send thread spent
 * a quarter to a third of its time a rating in Avro's encoder (docs/benchmarks.md, "Replay throughput").
 *
 * <p>Only writing is done here; reading stays with Avro, which resolves older writer schemas.
 * {@code RatingEventEncoderTest} holds the two to the same bytes for arbitrary events.
 */
final class RatingEventEncoder {

    /** The fields written below, in order; a schema with others must not be written with this layout. */
    private static final List<String> FIELDS = List.of("eventId", "userId", "itemId", "rating", "timestamp", "source", "context");
    private static final byte[] HEADER = header();
    /** Longest a varint-encoded long can be. */
    private static final int MAX_VARINT = 10;

    private RatingEventEncoder() {
    }

    static byte[] encode(RatingEvent e) {
        String eventId = required(e.getEventId(), "eventId");
        String userId = required(e.getUserId(), "userId");
        String itemId = required(e.getItemId(), "itemId");
        String source = required(e.getSource(), "source");
        long timestamp = required(e.getTimestamp(), "timestamp").toEpochMilli();
        Map<String, String> context = e.getContext();
        int size = HEADER.length + maxSize(eventId) + maxSize(userId) + maxSize(itemId) + 4 + MAX_VARINT + maxSize(source) + 1;
        if (context != null) {
            size += 2 * MAX_VARINT;
            for (Map.Entry<String, String> entry : context.entrySet()) {
                size += maxSize(required(entry.getKey(), "context key")) + maxSize(required(entry.getValue(), "context value"));
            }
        }
        Out out = new Out(size);
        out.bytes(HEADER);
        out.string(eventId);
        out.string(userId);
        out.string(itemId);
        out.floatBits(Float.floatToRawIntBits(e.getRating()));
        out.varlong(timestamp);
        out.string(source);
        if (context == null) {
            out.varlong(0);
        } else {
            out.varlong(1);
            // A map is written as one block of entries (its count first unless empty) and an empty block.
            if (!context.isEmpty()) {
                out.varlong(context.size());
                for (Map.Entry<String, String> entry : context.entrySet()) {
                    out.string(entry.getKey());
                    out.string(entry.getValue());
                }
            }
            out.varlong(0);
        }
        return out.result();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new NullPointerException("null of " + field + " in RatingEvent");
        }
        return value;
    }

    /** Bytes a string can take: its length's varint and at most three UTF-8 bytes a char. */
    private static int maxSize(String s) {
        return MAX_VARINT + 3 * s.length();
    }

    private static byte[] header() {
        List<String> fields = RatingEvent.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
        if (!fields.equals(FIELDS)) {
            throw new IllegalStateException("RatingEvent's schema has fields " + fields + "; this encoder writes " + FIELDS);
        }
        long fingerprint = SchemaNormalization.parsingFingerprint64(RatingEvent.getClassSchema());
        byte[] h = new byte[10];
        h[0] = (byte) 0xC3;
        h[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return h;
    }

    /** A fixed buffer sized for the worst case, trimmed once at the end. */
    private static final class Out {

        private final byte[] buf;
        private int pos;

        Out(int capacity) {
            this.buf = new byte[capacity];
        }

        void bytes(byte[] b) {
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        /** Avro's zig-zag varint. */
        void varlong(long v) {
            long n = (v << 1) ^ (v >> 63);
            while ((n & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            buf[pos++] = (byte) n;
        }

        void floatBits(int bits) {
            buf[pos++] = (byte) bits;
            buf[pos++] = (byte) (bits >>> 8);
            buf[pos++] = (byte) (bits >>> 16);
            buf[pos++] = (byte) (bits >>> 24);
        }

        /** Length then UTF-8 bytes; ASCII is copied char by char, anything else through the JDK's encoder as Avro does. */
        void string(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    varlong(utf8.length);
                    bytes(utf8);
                    return;
                }
            }
            varlong(n);
            for (int i = 0; i < n; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        }

        byte[] result() {
            return Arrays.copyOf(buf, pos);
        }
    }
}
