package io.reelfm.launcher.replay;

import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

/**
 * A data set a replay can publish: its catalogue, its users and its ratings, each streamed to a
 * sink with bad lines reported separately. Ratings may come in any order; the replay sorts them.
 */
public interface ReplaySource {

    /** Short stable name, part of every event id (e.g. {@code ml-100k}): re-running a replay yields the same ids. */
    String name();

    /** One line for banners and summaries: what is being replayed and from where. */
    String description();

    void movies(Consumer<MovieRow> sink, Consumer<BadLine> errors);

    void users(Consumer<UserRow> sink, Consumer<BadLine> errors);

    void ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors);
}
