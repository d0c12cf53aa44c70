package io.reelfm.datasets.model;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.download.MovieLens100kLocation;
import io.reelfm.datasets.movielens.MovieLens100k;

/**
 * Finds the MovieLens 100K directory and reads its canonical folds (u1..u5 base/test) into
 * {@link RatingSet}s that share one user and one item index, so a model trained on the base
 * file scores the test file without any id translation, and its catalogue and profiles into
 * {@link SideInfo}. A bad line is an error here: these feed accuracy figures. The data is never
 * copied into the repo.
 */
public final class Ml100k {

    /** Environment variable naming the directory; when set it must be right. */
    public static final String ENV = MovieLens100kLocation.ENV;

    private Ml100k() {
    }

    /** One canonical fold: train and test over shared indices. */
    public record Fold(int number, RatingSet train, RatingSet test, IdIndex users, IdIndex items) {
    }

    /** The data directory where {@link MovieLens100kLocation} finds one; empty when absent, so tests can skip. */
    public static Optional<Path> locate() {
        return MovieLens100kLocation.find();
    }

    /** Reads fold {@code n} (1..5) of {@code dir}. */
    public static Fold fold(Path dir, int n) {
        if (n < 1 || n > 5) {
            throw new IllegalArgumentException("fold must be 1..5, got " + n);
        }
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        RatingSetBuilder train = new RatingSetBuilder(users, items);
        RatingSetBuilder test = new RatingSetBuilder(users, items);
        RatingsLoader.read(dir.resolve("u" + n + ".base"), train);
        RatingsLoader.read(dir.resolve("u" + n + ".test"), test);
        int nu = users.size();
        int ni = items.size();
        return new Fold(n, train.build(nu, ni), test.build(nu, ni), users, items);
    }

    /** Reads {@code u.item} and {@code u.user} of {@code dir}; a bad line is an error. */
    public static SideInfo sideInfo(Path dir) {
        SideInfo info = SideInfo.empty();
        Consumer<BadLine> fail = bad -> {
            throw new IllegalArgumentException("bad line in MovieLens data: " + bad);
        };
        MovieLens100k.readMovies(dir.resolve("u.item"), RowAttributes.itemsInto(info), fail);
        MovieLens100k.readUsers(dir.resolve("u.user"), RowAttributes.usersInto(info), fail);
        return info;
    }
}
