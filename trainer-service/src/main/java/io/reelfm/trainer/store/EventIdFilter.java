package io.reelfm.trainer.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Remembers recently seen event ids in bounded memory, to drop redelivered and retried events.
 * Ids are kept as 64-bit hashes (FNV-1a mixed) in two generations of open-addressing sets: when
 * the current generation is full it becomes the previous one and the oldest generation is
 * dropped, so memory stays at most {@code 2 × capacity × 8 bytes × 2} and an id is remembered
 * for at least {@code capacity} later events. A false positive (two ids with the same 64-bit
 * hash) drops an event, with probability about n²/2⁶⁵; acceptable for training data.
 */
public final class EventIdFilter {

    private final int capacity;
    private LongSet current;
    private LongSet previous;

    public EventIdFilter(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("dedupe capacity must be >= 16, was " + capacity);
        }
        this.capacity = capacity;
        this.current = new LongSet(capacity);
        this.previous = new LongSet(16);
    }

    /** True when the id was not seen recently (and remembers it); false for a duplicate. */
    public boolean firstTime(String eventId) {
        long h = hash(eventId);
        if (current.contains(h) || previous.contains(h)) {
            return false;
        }
        if (current.size() >= capacity) {
            previous = current;
            current = new LongSet(capacity);
        }
        current.add(h);
        return true;
    }

    public int capacity() {
        return capacity;
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        previous.write(out);
        current.write(out);
    }

    static EventIdFilter read(DataInput in) throws IOException {
        EventIdFilter f = new EventIdFilter(in.readInt());
        f.previous = LongSet.read(in);
        f.current = LongSet.read(in, f.capacity);
        return f;
    }

    /** Open-addressing set of longs; 0 marks an empty slot, so the value 0 is stored as a flag. */
    private static final class LongSet {
        private long[] slots;
        private int size;
        private boolean hasZero;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            slots = new long[cap];
        }

        int size() {
            return size;
        }

        boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == 0) {
                    return false;
                }
                if (s == v) {
                    return true;
                }
            }
        }

        void add(long v) {
            if (v == 0) {
                if (!hasZero) {
                    hasZero = true;
                    size++;
                }
                return;
            }
            int mask = slots.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == v) {
                    return;
                }
                if (s == 0) {
                    slots[i] = v;
                    size++;
                    return;
                }
            }
        }

        void write(DataOutput out) throws IOException {
            out.writeInt(size);
            if (hasZero) {
                out.writeLong(0);
            }
            for (long s : slots) {
                if (s != 0) {
                    out.writeLong(s);
                }
            }
        }

        static LongSet read(DataInput in) throws IOException {
            return read(in, 16);
        }

        static LongSet read(DataInput in, int minCapacity) throws IOException {
            int n = in.readInt();
            LongSet set = new LongSet(Math.max(n, minCapacity));
            for (int i = 0; i < n; i++) {
                set.add(in.readLong());
            }
            return set;
        }
    }
}
