package io.reelfm.serving.topology;

import java.io.DataOutputStream;
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

    /** The model the kept rows are for, and the rows; see {@link #rows}. */
    private Object rowsOwner;
    private int[] rows;

    /**
     * The row of each entry's item under {@code model} ({@code rowOf}), looked up on the first call
     * for that model and kept: a history read for one request is asked for the same rows several
     * times, and each lookup is a hash probe into a catalogue-sized map. The array is shared, not
     * to be changed.
     */
    public synchronized int[] rows(Object model, java.util.function.ToIntFunction<String> rowOf) {
        if (rowsOwner != model) {
            int[] r = new int[entries.size()];
            for (int j = 0; j < r.length; j++) {
                r[j] = rowOf.applyAsInt(entries.get(j).itemId());
            }
            rows = r;
            rowsOwner = model;
        }
        return rows;
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
     * as {@link DataOutputStream#writeUTF} writes it, the rating and the event time, big-endian
     * ({@link StateBytes}). Histories are stored this way only by earlier versions now
     * ({@link UserRatingsLayout}); this reads them to move them.
     */
    public byte[] toBytes() {
        int size = 5;
        for (Entry e : entries) {
            size += StateBytes.utfSize(e.itemId()) + 12;
        }
        StateBytes.Writer out = new StateBytes.Writer(size).writeByte(FORMAT).writeInt(entries.size());
        for (Entry e : entries) {
            out.writeUtf(e.itemId()).writeFloat(e.rating()).writeLong(e.timestamp());
        }
        return out.bytes();
    }

    public static UserHistory fromBytes(byte[] bytes) {
        StateBytes.Reader in = new StateBytes.Reader(bytes, 0, "user history");
        int format = in.readByte();
        if (format != FORMAT) {
            throw new SerializationException("unsupported user history format " + format);
        }
        int n = in.readInt();
        if (n < 0 || n > bytes.length) {
            throw new SerializationException("corrupt user history: " + n + " entries in " + bytes.length + " bytes");
        }
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new Entry(in.readUtf(), in.readFloat(), in.readLong()));
        }
        return new UserHistory(entries);
    }

    /** One rating: item, value and event time in epoch milliseconds. */
    public record Entry(String itemId, float rating, long timestamp) {
    }
}
