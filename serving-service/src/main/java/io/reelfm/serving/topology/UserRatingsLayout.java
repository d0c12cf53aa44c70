package io.reelfm.serving.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How the {@link StoreNames#USER_RATINGS} store holds users' histories: one record per user and
 * item, so a rating writes a few dozen bytes however long its user's history is. (A history kept
 * as one value was decoded, extended and written back whole, to the store and its changelog, on
 * every rating: the largest share of a catch-up's CPU once histories held a few dozen ratings.)
 *
 * <p>Keys start with the user: two bytes of length, then the user id in UTF-8, so one user's
 * records are one contiguous key range read with a prefix scan, and no user id is a prefix of
 * another's range. The key of the user alone holds the user's {@link Head}; the user followed by
 * the item id holds that item's rating, event time and arrival number. The arrival number orders
 * the history (oldest first, a re-rated item moves to the end) as the single value did.
 */
public final class UserRatingsLayout {

    private static final byte FORMAT = 1;
    private static final int ENTRY_BYTES = 1 + 4 + 8 + 8;
    private static final int HEAD_BYTES = 1 + 4 + 8;
    private static final BytesSerializer PREFIX = new BytesSerializer();

    private UserRatingsLayout() {
    }

    /** The key of a user's head, which is also the prefix of all the user's entries. */
    public static Bytes userKey(String userId) {
        byte[] user = userId.getBytes(StandardCharsets.UTF_8);
        if (user.length > 0xffff) {
            throw new SerializationException("user id of " + user.length + " bytes is too long to store");
        }
        byte[] key = new byte[2 + user.length];
        key[0] = (byte) (user.length >>> 8);
        key[1] = (byte) user.length;
        System.arraycopy(user, 0, key, 2, user.length);
        return Bytes.wrap(key);
    }

    static Bytes entryKey(Bytes userKey, String itemId) {
        byte[] prefix = userKey.get();
        byte[] item = itemId.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[prefix.length + item.length];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(item, 0, key, prefix.length, item.length);
        return Bytes.wrap(key);
    }

    static byte[] entryValue(float rating, long timestamp, long arrival) {
        return ByteBuffer.allocate(ENTRY_BYTES).put(FORMAT).putFloat(rating).putLong(timestamp).putLong(arrival).array();
    }

    /** Per user: how many entries the store holds for the user and the arrival number the next rating gets. */
    record Head(int entries, long nextArrival) {

        static final Head EMPTY = new Head(0, 0);

        static Head of(byte[] value) {
            if (value == null) {
                return EMPTY;
            }
            if (value.length != HEAD_BYTES || value[0] != FORMAT) {
                throw new SerializationException("corrupt user history head: " + value.length + " bytes, format " + value[0]);
            }
            ByteBuffer b = ByteBuffer.wrap(value, 1, HEAD_BYTES - 1);
            return new Head(b.getInt(), b.getLong());
        }

        byte[] toBytes() {
            return ByteBuffer.allocate(HEAD_BYTES).put(FORMAT).putInt(entries).putLong(nextArrival).array();
        }
    }

    /** One stored entry with its key and arrival number, as a trim needs them. */
    record Stored(Bytes key, UserHistory.Entry entry, long arrival) {
    }

    /** The user's entries in arrival order, oldest first; empty when the store has none. */
    static List<Stored> scan(ReadOnlyKeyValueStore<Bytes, byte[]> store, Bytes userKey) {
        int prefixLength = userKey.get().length;
        List<Stored> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(userKey, PREFIX)) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                byte[] key = kv.key.get();
                if (key.length == prefixLength || kv.value == null) {
                    continue;
                }
                out.add(decode(kv.key, prefixLength, kv.value));
            }
        }
        out.sort(Comparator.comparingLong(Stored::arrival));
        return out;
    }

    private static Stored decode(Bytes key, int prefixLength, byte[] value) {
        if (value.length != ENTRY_BYTES || value[0] != FORMAT) {
            throw new SerializationException("corrupt user history entry: " + value.length + " bytes, format " + value[0]);
        }
        byte[] k = key.get();
        String item = new String(k, prefixLength, k.length - prefixLength, StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(value, 1, ENTRY_BYTES - 1);
        float rating = b.getFloat();
        long timestamp = b.getLong();
        return new Stored(key, new UserHistory.Entry(item, rating, timestamp), b.getLong());
    }

    /**
     * The user's history from the store; null when it holds nothing for the user.
     *
     * @param legacy the user's history as one value, as it was stored before this layout; read
     *               only when the store has no entries for the user (not yet moved)
     */
    public static UserHistory read(ReadOnlyKeyValueStore<Bytes, byte[]> store, String userId,
                                   java.util.function.Supplier<UserHistory> legacy) {
        List<Stored> stored = scan(store, userKey(userId));
        if (stored.isEmpty()) {
            return legacy.get();
        }
        List<UserHistory.Entry> entries = new ArrayList<>(stored.size());
        stored.forEach(s -> entries.add(s.entry()));
        return UserHistory.of(entries);
    }
}
