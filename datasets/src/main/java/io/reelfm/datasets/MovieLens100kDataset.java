package io.reelfm.datasets;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.reelfm.datasets.text.LineCountEstimate;

/** MovieLens 100K ({@code u.data}, {@code u.item}, {@code u.user}) as a {@link Dataset}. */
public final class MovieLens100kDataset implements Dataset {

    private final Path dir;

    public MovieLens100kDataset(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String name() {
        return "ml-100k";
    }

    @Override
    public String description() {
        return "MovieLens 100K from " + dir;
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        return MovieLens100k.readMovies(dir.resolve("u.item"), sink, errors);
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        return MovieLens100k.readUsers(dir.resolve("u.user"), sink, errors);
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        return MovieLens100k.readRatings(dir.resolve("u.data"), sink, errors);
    }

    @Override
    public OptionalLong ratingCountHint() {
        return LineCountEstimate.of(dir.resolve("u.data"), 0);
    }
}
