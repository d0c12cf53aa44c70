package io.reelfm.datasets.synthetic;

import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.datasets.movielens.MovieLens1m;
import io.reelfm.schemas.RatingScale;

/**
 * Streams a seeded synthetic data set: users drawn with Zipf activity skew, items with Zipf
 * popularity, scores from the {@link PlantedTruth} plus Gaussian noise, rounded to the rating
 * scale, and strictly increasing timestamps. Ratings are produced on the fly and never stored,
 * so 100 million cost no more memory than 100; only the truth (factors and biases) is held.
 *
 * <p>Each call of {@link #ratings} restarts the same sequence. Pairs are drawn independently, so
 * a (user, item) pair may occur more than once, as a re-rating would; with realistic sizes this
 * is rare except among the most active users and most popular items.
 *
 * <p>Thread-safe: the truth and the samplers are read-only after construction.
 */
public final class SyntheticGenerator {

    /** Receives one rating without allocating; indices are 0-based (ids are index + 1). */
    @FunctionalInterface
    public interface RatingSink {
        void accept(int userIndex, int itemIndex, float rating, long timestampMillis);
    }

    private static final long STREAM_SALT = 0x7A71_0B5EL;
    private static final long CATALOGUE_SALT = 0x0CA7_A106L;

    private final SyntheticConfig config;
    private final PlantedTruth truth;
    private final AliasSampler userSampler;
    private final AliasSampler itemSampler;

    public SyntheticGenerator(SyntheticConfig config) {
        this.config = config;
        this.truth = new PlantedTruth(config);
        SplittableRandom shuffles = new SplittableRandom(config.seed() ^ 0x5_4FF1EL);
        this.userSampler = AliasSampler.zipf(config.users(), config.userActivitySkew(), shuffles);
        this.itemSampler = AliasSampler.zipf(config.items(), config.itemPopularitySkew(), shuffles);
    }

    public SyntheticConfig config() {
        return config;
    }

    public PlantedTruth truth() {
        return truth;
    }

    /** Index of the item with popularity rank {@code rank} (0 = most popular by construction). */
    public int itemIndexOfPopularityRank(int rank) {
        return itemSampler.indexOfRank(rank);
    }

    /** Emits all {@link SyntheticConfig#ratings()} ratings in timestamp order. */
    public void ratings(RatingSink sink) {
        SplittableRandom random = new SplittableRandom(config.seed() ^ STREAM_SALT);
        RatingScale scale = config.scale();
        double noise = config.noise();
        long time = config.startMillis();
        int step = config.stepMillis();
        long n = config.ratings();
        for (long r = 0; r < n; r++) {
            int user = userSampler.sample(random);
            int item = itemSampler.sample(random);
            double score = truth.expectedScore(user, item) + noise * random.nextGaussian();
            sink.accept(user, item, scale.quantize(score), time);
            time += step == 1 ? 1 : 1 + random.nextInt(step);
        }
    }

    /** One catalogue row per item: genres from the planted factors, a seeded year and runtime. */
    public void movies(Consumer<MovieRow> sink) {
        SplittableRandom random = new SplittableRandom(config.seed() ^ CATALOGUE_SALT);
        for (int i = 0; i < config.items(); i++) {
            int year = 1950 + random.nextInt(75);
            int runtime = 75 + random.nextInt(90);
            String id = String.valueOf(i + 1);
            sink.accept(new MovieRow(id, "Synthetic Movie " + id + " (" + year + ")", year, truth.genresOf(i), null,
                    runtime, null, null));
        }
    }

    /** One profile per user, with seeded age, gender and occupation (not tied to the factors). */
    public void users(Consumer<UserRow> sink) {
        SplittableRandom random = new SplittableRandom(config.seed() ^ CATALOGUE_SALT ^ 1L);
        for (int u = 0; u < config.users(); u++) {
            int age = 15 + random.nextInt(55);
            String gender = random.nextBoolean() ? "M" : "F";
            String occupation = MovieLens1m.OCCUPATIONS.get(random.nextInt(MovieLens1m.OCCUPATIONS.size()));
            sink.accept(new UserRow(String.valueOf(u + 1), age, gender, occupation));
        }
    }
}
