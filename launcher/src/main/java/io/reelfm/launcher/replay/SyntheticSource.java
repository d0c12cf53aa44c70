package io.reelfm.launcher.replay;

import io.reelfm.datasets.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.MovieLens100k;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

/**
 * A seeded, generated data set shaped like MovieLens (popular items and heavy users are
 * skewed, ratings 1..5 from user and item biases): the demo's fallback when no MovieLens copy is
 * available offline, and the always-available input of the replay tests. The same seed and
 * sizes always give the same rows.
 *
 * <p>Ratings are emitted out of time order, with distinct timestamps one minute apart, so a
 * replay must sort them and every (user, item, time) event id is unique.
 */
public final class SyntheticSource implements Dataset {

    private static final List<String> OCCUPATIONS = List.of("student", "engineer", "writer", "artist",
            "educator", "scientist", "healthcare", "retired", "other");
    private static final long BASE_MILLIS = 1_700_000_000_000L;

    private final long seed;
    private final int users;
    private final int movies;
    private final int ratings;

    /**
     * @throws IllegalArgumentException naming the option when a size is not positive
     */
    public SyntheticSource(long seed, int users, int movies, int ratings) {
        requirePositive("users", users);
        requirePositive("movies", movies);
        requirePositive("ratings", ratings);
        this.seed = seed;
        this.users = users;
        this.movies = movies;
        this.ratings = ratings;
    }

    public static SyntheticSource small(long seed) {
        return new SyntheticSource(seed, 200, 300, 5_000);
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("synthetic " + what + " must be >= 1, was " + value);
        }
    }

    public int ratingCount() {
        return ratings;
    }

    @Override
    public String name() {
        return "synthetic-" + seed;
    }

    @Override
    public String description() {
        return "generated data set (seed " + seed + ": " + users + " users, " + movies + " movies, " + ratings + " ratings)";
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> genres = MovieLens100k.GENRES.subList(1, MovieLens100k.GENRES.size());
        for (int m = 1; m <= movies; m++) {
            int year = 1950 + random.nextInt(75);
            List<String> own = new ArrayList<>();
            own.add(genres.get(random.nextInt(genres.size())));
            if (random.nextInt(3) == 0) {
                String second = genres.get(random.nextInt(genres.size()));
                if (!own.contains(second)) {
                    own.add(second);
                }
            }
            sink.accept(new MovieRow(String.valueOf(m), "Synthetic Movie " + m + " (" + year + ")", year, own,
                    null, 80 + random.nextInt(80), "en", "US"));
        }
        return movies;
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int u = 1; u <= users; u++) {
            sink.accept(new UserRow(String.valueOf(u), 16 + random.nextInt(60), random.nextBoolean() ? "M" : "F",
                    OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size()))));
        }
        return users;
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        SplittableRandom random = new SplittableRandom(seed + 2);
        double[] userBias = biases(random, users, 0.6);
        double[] itemBias = biases(random, movies, 0.8);
        long stride = coprimeStride(ratings);
        for (int r = 0; r < ratings; r++) {
            int user = skewed(random, users);
            int item = skewed(random, movies);
            double score = 3.5 + userBias[user] + itemBias[item] + random.nextDouble(-1.0, 1.0);
            float rating = (float) Math.max(1, Math.min(5, Math.rint(score)));
            long minute = (r * stride) % ratings;
            sink.accept(new RatingRow(String.valueOf(user + 1), String.valueOf(item + 1), rating,
                    BASE_MILLIS + minute * 60_000L));
        }
        return ratings;
    }

    @Override
    public OptionalLong ratingCountHint() {
        return OptionalLong.of(ratings);
    }

    private static double[] biases(SplittableRandom random, int n, double spread) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextDouble(-spread, spread);
        }
        return b;
    }

    /** Index in {@code [0, n)} with low indices more likely (popular items, heavy users). */
    private static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    /** A stride coprime with n, so {@code r * stride mod n} visits every minute exactly once, out of order. */
    private static long coprimeStride(int n) {
        long stride = 7919;
        while (gcd(stride, n) != 1) {
            stride += 2;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
