package io.reelfm.serving.topology;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;

/**
 * One user's ratings as the serving layer holds them: the latest rating per item, oldest first,
 * at most {@code max} of them (the oldest are dropped first). Immutable; {@link #with} returns a
 * new history. Re-rating an item replaces the earlier rating, so fold-in sees each item once.
 */
public final class UserHistory {

    private static final int FORMAT = 1;

    private final List<Entry> entries;

    private UserHistory(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    public static UserHistory empty() {
        return new UserHistory(new ArrayList<>());
    }

    public static UserHistory of(List<Entry> entries) {
        return new UserHistory(new ArrayList<>(entries));
    }

    /** This history plus one rating; {@code max} bounds the result. */
    public UserHistory with(String itemId, float rating, long timestamp, int max) {
        List<Entry> next = new ArrayList<>(entries.size() + 1);
        for (Entry e : entries) {
            if (!e.itemId().equals(itemId)) {
                next.add(e);
            }
        }
        next.add(new Entry(itemId, rating, timestamp));
        while (next.size() > max) {
            next.remove(0);
        }
        return new UserHistory(next);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Changes whenever the history changes (a new or changed rating), so cached values derived
     * from it, such as a folded-in user vector, can be checked for staleness cheaply.
     */
    public long stamp() {
        long h = 1125899906842597L;
        for (Entry e : entries) {
            h = 31 * h + e.itemId().hashCode();
            h = 31 * h + Float.floatToIntBits(e.rating());
            h = 31 * h + e.timestamp();
        }
        return h;
    }

    /**
     * The history in its stored format: a format byte, the entry count, then per entry the item id
     * as {@link DataOutputStream#writeUTF} writes it, the rating and the event time, big-endian.
     * Written and read straight to and from one array rather than through data streams: every
     * rating decodes and re-encodes its user's whole history, which took a quarter of the stream
     * threads' Java samples catching up on 25M ratings; one array is about 3 times faster at any
     * length (docs/benchmarks.md, "User history codec").
     */
    public byte[] toBytes() {
        int size = 5;
        for (Entry e : entries) {
            size += 2 + utfLength(e.itemId()) + 12;
        }
        byte[] out = new byte[size];
        out[0] = FORMAT;
        int p = putInt(out, 1, entries.size());
        for (Entry e : entries) {
            p = putUtf(out, p, e.itemId());
            p = putInt(out, p, Float.floatToIntBits(e.rating()));
            long t = e.timestamp();
            p = putInt(out, p, (int) (t >>> 32));
            p = putInt(out, p, (int) t);
        }
        return out;
    }

    public static UserHistory fromBytes(byte[] bytes) {
        if (bytes.length < 5) {
            throw new SerializationException("truncated user history: " + bytes.length + " bytes");
        }
        if (bytes[0] != FORMAT) {
            throw new SerializationException("unsupported user history format " + bytes[0]);
        }
        int n = getInt(bytes, 1);
        if (n < 0 || n > bytes.length) {
            throw new SerializationException("corrupt user history: " + n + " entries in " + bytes.length + " bytes");
        }
        List<Entry> entries = new ArrayList<>(n);
        int p = 5;
        for (int i = 0; i < n; i++) {
            if (p + 2 > bytes.length) {
                throw truncated(i, n);
            }
            int length = ((bytes[p] & 0xff) << 8) | (bytes[p + 1] & 0xff);
            int end = p + 2 + length;
            if (end + 12 > bytes.length) {
                throw truncated(i, n);
            }
            String itemId = utf(bytes, p, length);
            float rating = Float.intBitsToFloat(getInt(bytes, end));
            long timestamp = ((long) getInt(bytes, end + 4) << 32) | (getInt(bytes, end + 8) & 0xffffffffL);
            entries.add(new Entry(itemId, rating, timestamp));
            p = end + 12;
        }
        return new UserHistory(entries);
    }

    private static SerializationException truncated(int entry, int of) {
        return new SerializationException("truncated user history: entry " + entry + " of " + of + " runs past the end");
    }

    /** Bytes of {@code s} in modified UTF-8, as {@link DataOutputStream#writeUTF} counts them. */
    private static int utfLength(String s) {
        int length = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                length += c >= 0x800 ? 2 : 1;
            }
        }
        if (length > 65535) {
            throw new SerializationException("item id of " + length + " bytes is too long to store");
        }
        return length;
    }

    private static int putUtf(byte[] out, int p, String s) {
        int length = utfLength(s);
        out[p++] = (byte) (length >>> 8);
        out[p++] = (byte) length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0 && c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xc0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3f));
            } else {
                out[p++] = (byte) (0xe0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return p;
    }

    /** The string of {@code length} modified UTF-8 bytes after the two length bytes at {@code p}. */
    private static String utf(byte[] bytes, int p, int length) {
        for (int i = p + 2; i < p + 2 + length; i++) {
            if (bytes[i] <= 0) {
                // Beyond ASCII (or an encoded NUL): the streams' decoder knows every case.
                try {
                    return new DataInputStream(new ByteArrayInputStream(bytes, p, 2 + length)).readUTF();
                } catch (IOException e) {
                    throw new SerializationException("corrupt item id in user history: " + e.getMessage(), e);
                }
            }
        }
        return new String(bytes, p + 2, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int putInt(byte[] out, int p, int v) {
        out[p] = (byte) (v >>> 24);
        out[p + 1] = (byte) (v >>> 16);
        out[p + 2] = (byte) (v >>> 8);
        out[p + 3] = (byte) v;
        return p + 4;
    }

    private static int getInt(byte[] in, int p) {
        return ((in[p] & 0xff) << 24) | ((in[p + 1] & 0xff) << 16) | ((in[p + 2] & 0xff) << 8) | (in[p + 3] & 0xff);
    }

    /** One rating: item, value and event time in epoch milliseconds. */
    public record Entry(String itemId, float rating, long timestamp) {
    }
}
