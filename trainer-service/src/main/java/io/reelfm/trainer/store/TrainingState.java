package io.reelfm.trainer.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;
import io.reelfm.schemas.RatingEvent;

/**
 * Everything the trainer has learned from the input topics: the rating store, the user and
 * item dictionaries, the catalogue, the dedupe filter and, per topic-partition, the next offset
 * not yet applied. Offsets and data change together, so a checkpoint of this object is
 * consistent: resuming from its offsets never applies a rating twice and never skips one.
 *
 * <p>Owned by the consuming thread; other threads see it only through {@link #counts()}.
 */
public final class TrainingState {

    private final RatingStore ratings;
    private final IdIndex users;
    private final IdIndex items;
    private final Map<String, Movie> movies;
    private final Map<String, UserProfile> profiles;
    private final EventIdFilter seen;
    private final Map<String, Long> offsets;
    private static final int MAX_CHANGED = 1 << 24;

    private int[] changed = new int[1024];
    private int changedCount;
    private boolean changedOverflow;
    private long accepted;
    private long duplicates;
    private long stale;
    private volatile Counts counts = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public TrainingState(int dedupeCapacity) {
        this(new RatingStore(1024), new IdIndex(), new IdIndex(), new HashMap<>(), new HashMap<>(),
                new EventIdFilter(dedupeCapacity), new TreeMap<>(), 0, 0, 0);
    }

    TrainingState(RatingStore ratings, IdIndex users, IdIndex items, Map<String, Movie> movies,
                  Map<String, UserProfile> profiles, EventIdFilter seen, Map<String, Long> offsets,
                  long accepted, long duplicates, long stale) {
        this.ratings = ratings;
        this.users = users;
        this.items = items;
        this.movies = movies;
        this.profiles = profiles;
        this.seen = seen;
        this.offsets = new TreeMap<>(offsets);
        this.accepted = accepted;
        this.duplicates = duplicates;
        this.stale = stale;
        publishCounts();
    }

    /** Topic-partition key as used in manifests' {@code trainedOffsets}. */
    public static String partitionKey(String topic, int partition) {
        return topic + "-" + partition;
    }

    /** Moves past a record that could not be applied (undecodable), so no restart reads it again. */
    public void skip(String topic, int partition, long offset) {
        offsets.put(partitionKey(topic, partition), offset + 1);
    }

    /**
     * Applies one rating read at the given position. Returns true when it changed the training
     * set (a new or newer rating of its pair), false for a duplicate event id or an older rating.
     */
    public boolean applyRating(RatingEvent e, String topic, int partition, long offset) {
        offsets.put(partitionKey(topic, partition), offset + 1);
        if (!seen.firstTime(e.getEventId())) {
            duplicates++;
            return false;
        }
        int u = users.indexOf(e.getUserId());
        int i = items.indexOf(e.getItemId());
        RatingStore.Outcome outcome = ratings.put(u, i, e.getRating(), e.getTimestamp().toEpochMilli());
        if (outcome == RatingStore.Outcome.STALE) {
            stale++;
            return false;
        }
        accepted++;
        rememberChanged(ratings.row(u, i));
        return true;
    }

    private void rememberChanged(int row) {
        if (changedCount == changed.length) {
            if (changed.length >= MAX_CHANGED) {
                changedOverflow = true;
                return;
            }
            changed = java.util.Arrays.copyOf(changed, changed.length * 2);
        }
        changed[changedCount++] = row;
    }

    /**
     * Rows changed since the previous call (for online updates), deduplicated; empty with
     * {@code overflow} set when more than {@value #MAX_CHANGED} changed, in which case a full
     * refit is the right answer anyway.
     */
    public ChangedRows drainChanged() {
        int[] rows = java.util.Arrays.stream(changed, 0, changedCount).distinct().toArray();
        ChangedRows out = new ChangedRows(changedOverflow ? new int[0] : rows, changedOverflow);
        changed = new int[1024];
        changedCount = 0;
        changedOverflow = false;
        return out;
    }

    /** Rows changed since the last drain. */
    public record ChangedRows(int[] rows, boolean overflow) {
    }

    public void applyMovie(String itemId, Movie movie, String topic, int partition, long offset) {
        offsets.put(partitionKey(topic, partition), offset + 1);
        if (movie == null) {
            movies.remove(itemId);
        } else {
            movies.put(itemId, movie);
        }
    }

    /** Records a user's profile; {@code profile} null (a tombstone) forgets it. */
    public void applyProfile(String userId, UserProfile profile, String topic, int partition, long offset) {
        offsets.put(partitionKey(topic, partition), offset + 1);
        if (profile != null) {
            profiles.put(userId, profile);
        } else {
            profiles.remove(userId);
        }
    }

    /** Refreshes the cross-thread view of the counts; call after each applied batch. */
    public void publishCounts() {
        counts = new Counts(ratings.size(), users.size(), items.size(), movies.size(), profiles.size(),
                accepted, duplicates, stale);
    }

    public Counts counts() {
        return counts;
    }

    public RatingStore ratings() {
        return ratings;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public Map<String, Movie> movies() {
        return Collections.unmodifiableMap(movies);
    }

    public Map<String, Long> offsets() {
        return Collections.unmodifiableMap(offsets);
    }

    /** Known user profiles by user id (age, gender, occupation feed the models' side features). */
    public Map<String, UserProfile> profiles() {
        return Collections.unmodifiableMap(profiles);
    }

    EventIdFilter seen() {
        return seen;
    }

    long accepted() {
        return accepted;
    }

    long duplicates() {
        return duplicates;
    }

    long stale() {
        return stale;
    }

    /**
     * Sizes of the training data, safe to read from any thread.
     *
     * @param accepted   rating events that changed the training set since it was first built
     * @param duplicates rating events dropped because their event id was seen before
     * @param stale      rating events dropped because the pair already had a later rating
     */
    public record Counts(long ratings, long users, long items, long movies, long profiles,
                         long accepted, long duplicates, long stale) {
    }
}
