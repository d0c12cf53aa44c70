package io.reelfm.datasets;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;


/**
 * A rating data set seen through one format-neutral shape, so replays, training and benchmarks
 * need not know whether rows come from MovieLens files, IMDb dumps or the generator.
 *
 * <p>Every method streams: rows go to the sink as they are read, bad lines go to the error
 * sink with their line numbers, and nothing is kept beyond what a format strictly needs for a
 * join. Each call re-reads from the start, so a data set can be consumed any number of times.
 * Ratings come in file order, which is not necessarily time order.
 */
public interface Dataset {

    /** Short stable name of the data set, e.g. {@code ml-100k}; part of replayed event ids. */
    String name();

    /** One line for banners and logs: what this is and where it comes from. */
    default String description() {
        return name();
    }

    /** Streams the catalogue. @return the number of good rows */
    long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors);

    /** Streams user profiles. @return the number of good rows; 0 when the format has no users */
    long users(Consumer<UserRow> sink, Consumer<BadLine> errors);

    /** Streams ratings. @return the number of good rows; 0 when the format has no ratings */
    long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors);

    /**
     * How many ratings {@link #ratings} will probably deliver, cheap to compute, for progress bars.
     * Exact for generated data; an estimate for files; empty when unknown.
     */
    default OptionalLong ratingCountHint() {
        return OptionalLong.empty();
    }

    /** How many movies {@link #movies} will probably deliver, as {@link #ratingCountHint}. */
    default OptionalLong movieCountHint() {
        return OptionalLong.empty();
    }

    /** How many profiles {@link #users} will probably deliver, as {@link #ratingCountHint}. */
    default OptionalLong userCountHint() {
        return OptionalLong.empty();
    }
}
