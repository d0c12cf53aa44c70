package io.reelfm.datasets;

import java.util.List;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;

/**
 * The catalogue and profile records of the Kafka topics as the row types the FM encoder reads.
 * The trainer (fitting, and its gate's holdout) and serving (folding a user in) both map
 * through here, so the gate measures a profile exactly the way serving will read it.
 */
public final class RecordRows {

    private RecordRows() {
    }

    /** A profile as the fold-in reads it: age, gender and occupation; null stays null. */
    public static UserRow user(String userId, UserProfile p) {
        if (p == null) {
            return null;
        }
        return new UserRow(userId, p.getAge(), p.getGender() == null ? null : p.getGender().toString(),
                p.getOccupation() == null ? null : p.getOccupation().toString());
    }

    /** A movie as the FM features read it: title, year and genres (no genres when absent). */
    public static MovieRow movie(String itemId, Movie m) {
        List<String> genres = m.getGenres() == null ? List.of() : m.getGenres().stream().map(CharSequence::toString).toList();
        return new MovieRow(itemId, String.valueOf(m.getTitle()), m.getYear(), genres, null, null, null, null);
    }
}
