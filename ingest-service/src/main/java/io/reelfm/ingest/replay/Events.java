package io.reelfm.ingest.replay;

import java.time.Instant;
import java.util.ArrayList;

import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.UserProfile;

/** Turns data set rows into the typed records on the topics. */
public final class Events {

    /** The {@code source} of every replayed rating. */
    public static final String SOURCE = "replay";

    private Events() {
    }

    /**
     * The event id is derived from the data set and the row ({@code <dataset>:<user>:<item>:<millis>}),
     * so replaying the same data set twice produces the same ids and consumers drop the repeats.
     */
    public static String eventId(String dataset, String userId, String itemId, long timestampMillis) {
        return dataset + ':' + userId + ':' + itemId + ':' + timestampMillis;
    }

    public static RatingEvent rating(String dataset, String userId, String itemId, float rating, long timestampMillis) {
        return new RatingEvent(eventId(dataset, userId, itemId, timestampMillis), userId, itemId, rating,
                Instant.ofEpochMilli(timestampMillis), SOURCE, null);
    }

    public static Movie movie(MovieRow row) {
        return new Movie(row.itemId(), row.title(), row.year(), new ArrayList<>(row.genres()), row.imdbId(),
                row.runtime(), row.language(), row.region());
    }

    public static UserProfile user(UserRow row) {
        return new UserProfile(row.userId(), row.age(), row.gender(), row.occupation());
    }
}
