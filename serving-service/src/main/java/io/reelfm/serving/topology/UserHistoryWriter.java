package io.reelfm.serving.topology;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.reelfm.schemas.RatingEvent;

/**
 * Writes each rating into its user's history in the {@link UserRatingsLayout}: the item's entry
 * and the user's head, two small records, so a rating costs the same at the first rating and the
 * two-thousandth. Keeps at most {@code max} entries a user: once a user passes {@code max}, the
 * oldest are dropped down to {@code max - max/16} in one scan, so a heavy rater's ratings are not
 * each followed by a scan of the whole history.
 *
 * <p>Histories written by earlier versions, one value per user in the {@link StoreNames#USER_HISTORY}
 * store, are moved into the new layout: a user's when the user next rates, and every user's in
 * the background (a batch every second) until that store is empty. Readers look there for users
 * not moved yet ({@link UserRatingsLayout#read}).
 */
final class UserHistoryWriter implements Processor<String, RatingEvent, Void, Void> {

    /** Users moved from the earlier layout per background step. */
    static final int MOVE_BATCH = 1_000;

    private final int max;
    private final int trimTo;
    private KeyValueStore<Bytes, byte[]> ratings;
    private KeyValueStore<String, UserHistory> legacy;
    private boolean legacyEmpty;
    private Cancellable mover;

    private UserHistoryWriter(int max) {
        this.max = max;
        this.trimTo = max - max / 16;
    }

    /** Adds the stores and the writer on the (user-keyed) ratings. */
    static void apply(StreamsBuilder b, KStream<String, RatingEvent> ratings, int maxHistory) {
        // Cached: a user's head is rewritten on each rating, and the cache folds repeats within a commit into one write.
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.USER_RATINGS), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingEnabled());
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.USER_HISTORY), Serdes.String(),
                StateSerdes.USER_HISTORY));
        ratings.process(() -> new UserHistoryWriter(maxHistory), StoreNames.USER_RATINGS, StoreNames.USER_HISTORY);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        ratings = context.getStateStore(StoreNames.USER_RATINGS);
        legacy = context.getStateStore(StoreNames.USER_HISTORY);
        mover = context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> moveBatch());
    }

    @Override
    public void process(Record<String, RatingEvent> record) {
        String user = record.key();
        RatingEvent e = record.value();
        Bytes userKey = UserRatingsLayout.userKey(user);
        if (!legacyEmpty) {
            UserHistory old = legacy.get(user);
            if (old != null) {
                move(user, userKey, old);
            }
        }
        UserRatingsLayout.Head head = UserRatingsLayout.Head.of(ratings.get(userKey));
        Bytes entryKey = UserRatingsLayout.entryKey(userKey, e.getItemId());
        // A re-rated item replaces its entry; only a new item adds one.
        int entries = head.entries() + (ratings.get(entryKey) == null ? 1 : 0);
        ratings.put(entryKey, UserRatingsLayout.entryValue(e.getRating(), e.getTimestamp().toEpochMilli(), head.nextArrival()));
        if (entries > max) {
            entries = trim(userKey);
        }
        ratings.put(userKey, new UserRatingsLayout.Head(entries, head.nextArrival() + 1).toBytes());
    }

    /** Drops the oldest entries down to {@code trimTo} when there are more than {@code max}; the entries left. */
    private int trim(Bytes userKey) {
        List<UserRatingsLayout.Stored> stored = UserRatingsLayout.scan(ratings, userKey);
        if (stored.size() <= max) {
            return stored.size();
        }
        int drop = stored.size() - trimTo;
        for (int i = 0; i < drop; i++) {
            ratings.delete(stored.get(i).key());
        }
        return trimTo;
    }

    /** Writes a history of the earlier layout as entries (in its order) and removes it there. */
    private void move(String user, Bytes userKey, UserHistory old) {
        UserRatingsLayout.Head head = UserRatingsLayout.Head.of(ratings.get(userKey));
        long arrival = head.nextArrival();
        for (UserHistory.Entry entry : old.entries()) {
            ratings.put(UserRatingsLayout.entryKey(userKey, entry.itemId()),
                    UserRatingsLayout.entryValue(entry.rating(), entry.timestamp(), arrival++));
        }
        ratings.put(userKey, new UserRatingsLayout.Head(head.entries() + old.size(), arrival).toBytes());
        legacy.delete(user);
    }

    private void moveBatch() {
        int moved = 0;
        try (KeyValueIterator<String, UserHistory> it = legacy.all()) {
            while (it.hasNext() && moved < MOVE_BATCH) {
                var kv = it.next();
                if (kv.value != null) {
                    move(kv.key, UserRatingsLayout.userKey(kv.key), kv.value);
                }
                moved++;
            }
        }
        if (moved == 0) {
            legacyEmpty = true;
            mover.cancel();
        }
    }
}
