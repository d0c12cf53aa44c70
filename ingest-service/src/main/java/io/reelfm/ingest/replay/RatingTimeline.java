package io.reelfm.ingest.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelfm.datasets.RatingRow;

/**
 * A data set's ratings held column-wise in primitive arrays and ordered by event time. User and
 * item ids are interned into dictionaries, so a row costs 20 bytes plus the sort buffers instead
 * of a {@link RatingRow} object: 25M ratings fit in well under a gigabyte.
 *
 * <p>Fill it with {@link #add(RatingRow)}, then {@link #sortByTime()} once; reads use the
 * position in time order ({@code 0..size-1}).
 *
 * <p>The id dictionaries are the small {@link Ids} below rather than the model core's
 * {@code IdIndex}: it is the same dozen lines, and borrowing it would make the ingest service
 * depend on {@code recommender-core} and its numeric libraries for nothing else.
 */
public final class RatingTimeline {

    private final Ids userIds = new Ids();
    private final Ids itemIds = new Ids();

    private int[] user = new int[1024];
    private int[] item = new int[1024];
    private float[] rating = new float[1024];
    private long[] time = new long[1024];
    private int size;
    private int[] order;

    public void add(RatingRow row) {
        if (order != null) {
            throw new IllegalStateException("timeline already sorted; add every rating before sortByTime()");
        }
        if (size == user.length) {
            int capacity = Math.max(size * 2, 1024);
            user = Arrays.copyOf(user, capacity);
            item = Arrays.copyOf(item, capacity);
            rating = Arrays.copyOf(rating, capacity);
            time = Arrays.copyOf(time, capacity);
        }
        user[size] = userIds.indexOf(row.userId());
        item[size] = itemIds.indexOf(row.itemId());
        rating[size] = row.rating();
        time[size] = row.timestampMillis();
        size++;
    }

    /** Orders the rows by timestamp; rows with the same timestamp keep their file order. */
    public RatingTimeline sortByTime() {
        if (order == null) {
            order = IndexSort.sortedIndices(time, size);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public String userId(int position) {
        return userIds.id(user[row(position)]);
    }

    public String itemId(int position) {
        return itemIds.id(item[row(position)]);
    }

    public float rating(int position) {
        return rating[row(position)];
    }

    public long timestampMillis(int position) {
        return time[row(position)];
    }

    private int row(int position) {
        if (order == null) {
            throw new IllegalStateException("call sortByTime() before reading the timeline");
        }
        return order[position];
    }

    /** Ids interned to dense indices 0..n-1 in first-seen order. */
    private static final class Ids {

        private final Map<String, Integer> toIndex = new HashMap<>();
        private final List<String> toId = new ArrayList<>();

        int indexOf(String id) {
            Integer existing = toIndex.putIfAbsent(id, toId.size());
            if (existing != null) {
                return existing;
            }
            toId.add(id);
            return toId.size() - 1;
        }

        String id(int index) {
            return toId.get(index);
        }
    }
}
