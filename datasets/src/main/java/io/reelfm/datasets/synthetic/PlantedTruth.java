package io.reelfm.datasets.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.reelfm.datasets.movielens.MovieLens100k;

/**
 * The model a synthetic data set was generated from, so tests can check that a trainer recovers
 * it: score(u, i) = mean + userBias[u] + itemBias[i] + userFactors[u]·itemFactors[i], plus
 * Gaussian noise of standard deviation {@link #noise()} before rounding to the rating scale.
 *
 * <p>Indices are 0-based; the generated ids are index + 1. Factors are drawn so that the dot
 * product has a standard deviation of about {@value #INTERACTION_STD}, large enough to dominate
 * the biases. Each genre has a planted direction in factor space and an item carries the
 * genres its factors point to most, so genres predict taste as they do in real catalogues.
 */
public final class PlantedTruth {

    static final double MEAN = 3.5;
    static final double USER_BIAS_STD = 0.3;
    static final double ITEM_BIAS_STD = 0.4;
    static final double INTERACTION_STD = 0.8;
    static final int MAX_GENRES_PER_ITEM = 3;
    static final double SECONDARY_GENRE_SHARE = 0.6;

    /** Genre vocabulary: the MovieLens genres, without "unknown". */
    public static final List<String> GENRES = MovieLens100k.GENRES.subList(1, MovieLens100k.GENRES.size());

    private final int factors;
    private final double noise;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] genreDirections;

    PlantedTruth(SyntheticConfig config) {
        factors = config.factors();
        noise = config.noise();
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5EED_FAC7L);
        double scale = Math.pow(INTERACTION_STD * INTERACTION_STD / factors, 0.25);
        userFactors = gaussian(random, config.users() * factors, scale);
        itemFactors = gaussian(random, config.items() * factors, scale);
        userBias = gaussian(random, config.users(), USER_BIAS_STD);
        itemBias = gaussian(random, config.items(), ITEM_BIAS_STD);
        genreDirections = gaussian(random, GENRES.size() * factors, 1.0);
        for (int g = 0; g < GENRES.size(); g++) {
            double norm = 0;
            for (int f = 0; f < factors; f++) {
                norm += genreDirections[g * factors + f] * genreDirections[g * factors + f];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int f = 0; f < factors; f++) {
                genreDirections[g * factors + f] *= inv;
            }
        }
    }

    private static float[] gaussian(SplittableRandom random, int n, double std) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    /** The noise-free score before clamping and rounding. */
    public double expectedScore(int userIndex, int itemIndex) {
        return MEAN + userBias[userIndex] + itemBias[itemIndex] + dot(userIndex, itemIndex);
    }

    double dot(int userIndex, int itemIndex) {
        int u = userIndex * factors;
        int i = itemIndex * factors;
        float sum = 0;
        for (int f = 0; f < factors; f++) {
            sum += userFactors[u + f] * itemFactors[i + f];
        }
        return sum;
    }

    /** Genres of an item: the best-aligned genre, plus up to two more nearly as well aligned. */
    public List<String> genresOf(int itemIndex) {
        double[] projection = new double[GENRES.size()];
        Integer[] order = new Integer[GENRES.size()];
        for (int g = 0; g < GENRES.size(); g++) {
            order[g] = g;
            for (int f = 0; f < factors; f++) {
                projection[g] += genreDirections[g * factors + f] * itemFactors[itemIndex * factors + f];
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(projection[b], projection[a]));
        List<String> genres = new ArrayList<>();
        genres.add(GENRES.get(order[0]));
        for (int k = 1; k < MAX_GENRES_PER_ITEM; k++) {
            if (projection[order[k]] > 0 && projection[order[k]] >= SECONDARY_GENRE_SHARE * projection[order[0]]) {
                genres.add(GENRES.get(order[k]));
            }
        }
        return genres;
    }

    public double globalMean() {
        return MEAN;
    }

    public double noise() {
        return noise;
    }

    public int factors() {
        return factors;
    }

    /** A copy of one user's factors. */
    public float[] userFactors(int userIndex) {
        return Arrays.copyOfRange(userFactors, userIndex * factors, (userIndex + 1) * factors);
    }

    /** A copy of one item's factors. */
    public float[] itemFactors(int itemIndex) {
        return Arrays.copyOfRange(itemFactors, itemIndex * factors, (itemIndex + 1) * factors);
    }

    public double userBias(int userIndex) {
        return userBias[userIndex];
    }

    public double itemBias(int itemIndex) {
        return itemBias[itemIndex];
    }

    /** A copy of a genre's unit direction in factor space; genre index as in {@link #GENRES}. */
    public float[] genreDirection(int genreIndex) {
        return Arrays.copyOfRange(genreDirections, genreIndex * factors, (genreIndex + 1) * factors);
    }
}
