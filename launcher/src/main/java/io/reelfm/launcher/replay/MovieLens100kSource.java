package io.reelfm.launcher.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.MovieLens100k;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

/** A local MovieLens 100K directory ({@code u.data}, {@code u.item}, {@code u.user}). */
public final class MovieLens100kSource implements ReplaySource {

    private final Path dir;
    private final String name;

    private MovieLens100kSource(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** @throws IllegalArgumentException naming {@code --data} when the directory lacks the files */
    public static MovieLens100kSource of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data " + dir + " is not a directory");
        }
        if (!MovieLens100k.isPresent(dir)) {
            throw new IllegalArgumentException("--data " + dir
                    + " does not hold a MovieLens 100K copy: expected the files u.data, u.item and u.user");
        }
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "ml-100k" : fileName.toString();
        return new MovieLens100kSource(dir, name.startsWith("ml-") ? name : "ml-100k");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "MovieLens 100K from " + dir;
    }

    @Override
    public void movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        MovieLens100k.readMovies(dir.resolve("u.item"), sink, errors);
    }

    @Override
    public void users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        MovieLens100k.readUsers(dir.resolve("u.user"), sink, errors);
    }

    @Override
    public void ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        MovieLens100k.readRatings(dir.resolve("u.data"), sink, errors);
    }
}
