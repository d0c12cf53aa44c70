package io.reelfm.datasets.movielens;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.datasets.text.LineCountEstimate;

/** MovieLens 100K ({@code u.data}, {@code u.item}, {@code u.user}) as a {@link Dataset}. */
public final class MovieLens100kDataset implements Dataset {

    private static final Pattern SPLIT = Pattern.compile("u[1-5ab]\\.(base|test)");

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

    /**
     * Streams one of the published train/test splits ({@code u1.base} … {@code u5.test},
     * {@code ua.base}, {@code ub.test}, ...), so evaluations can use the same folds as the
     * literature.
     *
     * @throws IllegalArgumentException naming the split when it is not one of those files
     */
    public long splitRatings(String split, Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        if (split == null || !SPLIT.matcher(split).matches()) {
            throw new IllegalArgumentException("split must be u1..u5, ua or ub followed by .base or .test, was " + split);
        }
        return MovieLens100k.readRatings(dir.resolve(split), sink, errors);
    }

    @Override
    public OptionalLong ratingCountHint() {
        return LineCountEstimate.of(dir.resolve("u.data"), 0);
    }

    @Override
    public OptionalLong movieCountHint() {
        return LineCountEstimate.of(dir.resolve("u.item"), 0);
    }

    @Override
    public OptionalLong userCountHint() {
        return LineCountEstimate.of(dir.resolve("u.user"), 0);
    }
}
