package io.reelfm.datasets.synthetic;

import java.util.OptionalLong;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

/**
 * A {@link SyntheticGenerator} seen as a {@link Dataset} named {@code synthetic}: the
 * always-available input when no real data set is at hand, and the scale input of benchmarks.
 * Generated rows are never bad, so the error sinks are never called.
 */
public final class SyntheticDataset implements Dataset {

    private final SyntheticGenerator generator;

    public SyntheticDataset(SyntheticConfig config) {
        this.generator = new SyntheticGenerator(config);
    }

    public SyntheticConfig config() {
        return generator.config();
    }

    /** The planted model, for recovery checks. */
    public PlantedTruth truth() {
        return generator.truth();
    }

    public SyntheticGenerator generator() {
        return generator;
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public String description() {
        SyntheticConfig c = generator.config();
        return "synthetic data set (seed " + c.seed() + ": " + c.users() + " users, " + c.items() + " items, "
                + c.ratings() + " ratings, " + c.factors() + " factors, noise " + c.noise() + ")";
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        generator.movies(sink);
        return generator.config().items();
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        generator.users(sink);
        return generator.config().users();
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        generator.ratings((user, item, rating, time) ->
                sink.accept(new RatingRow(Integer.toString(user + 1), Integer.toString(item + 1), rating, time)));
        return generator.config().ratings();
    }

    @Override
    public OptionalLong ratingCountHint() {
        return OptionalLong.of(generator.config().ratings());
    }

    @Override
    public OptionalLong movieCountHint() {
        return OptionalLong.of(generator.config().items());
    }

    @Override
    public OptionalLong userCountHint() {
        return OptionalLong.of(generator.config().users());
    }
}
