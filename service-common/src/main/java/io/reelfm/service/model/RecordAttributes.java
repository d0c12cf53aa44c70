package io.reelfm.service.model;

import java.util.List;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;

/**
 * The one mapping of the catalogue and profile records of the Kafka topics onto what the models
 * read. The trainer (fitting, and its gate's holdout) and serving (folding a user in) both map
 * through here, so the gate measures a profile exactly the way serving will read it.
 *
 * <p>It lives in service-common because that is the one module both services share that may see
 * both sides: recommender-core cannot depend on {@code schemas} (which brings kafka-clients, and
 * the core imports no Kafka), and {@code datasets} is batch code that serving must not carry.
 * service-common declares recommender-core optional, so the ingest service, which never maps a
 * record onto the models, does not get the core with it.
 */
public final class RecordAttributes {

    private RecordAttributes() {
    }

    /** A profile as the models read it: age, gender and occupation; null stays null. */
    public static UserAttributes user(UserProfile p) {
        if (p == null) {
            return null;
        }
        return new UserAttributes(p.getAge(), p.getGender() == null ? null : p.getGender().toString(),
                p.getOccupation() == null ? null : p.getOccupation().toString());
    }

    /** A movie as the models read it: year and genres (no genres when absent). */
    public static ItemAttributes item(Movie m) {
        List<String> genres = m.getGenres() == null ? List.of() : m.getGenres().stream().map(CharSequence::toString).toList();
        return new ItemAttributes(m.getYear(), genres);
    }
}
