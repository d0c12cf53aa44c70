package io.reelfm.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.schemas.RatingScale;

class SyntheticGeneratorTest {

    private static final SyntheticConfig SMALL = SyntheticConfig.defaults().withSize(300, 1_000, 200_000).withSeed(7);

    private record Rating(int user, int item, float rating, long time) {
    }

    private static List<Rating> collect(SyntheticConfig config) {
        List<Rating> out = new ArrayList<>();
        new SyntheticGenerator(config).ratings((u, i, r, t) -> out.add(new Rating(u, i, r, t)));
        return out;
    }

    @Test
    void sameSeedGivesTheSameStreamAndAnotherSeedAnotherOne() {
        SyntheticConfig config = SMALL.withSize(100, 200, 5_000);

        List<Rating> first = collect(config);
        List<Rating> again = collect(config);
        List<Rating> other = collect(config.withSeed(8));

        assertThat(first).hasSize(5_000).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void wholeStarRatingsAreIntegersFromOneToFiveAndAllOccur() {
        Set<Float> values = new HashSet<>();
        new SyntheticGenerator(SMALL).ratings((u, i, r, t) -> values.add(r));

        assertThat(values).containsExactlyInAnyOrder(1f, 2f, 3f, 4f, 5f);
    }

    @Test
    void halfStarRatingsAreMultiplesOfOneHalfBetweenHalfAndFive() {
        Set<Float> values = new HashSet<>();
        new SyntheticGenerator(SMALL.withScale(RatingScale.HALF_STARS)).ratings((u, i, r, t) -> values.add(r));

        assertThat(values).allSatisfy(v -> {
            assertThat(v).isBetween(0.5f, 5f);
            assertThat(v * 2).isEqualTo((float) Math.rint(v * 2));
        });
        assertThat(values).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void itemPopularityFollowsTheZipfLaw() {
        SyntheticGenerator generator = new SyntheticGenerator(SMALL);
        long[] counts = new long[SMALL.items()];
        generator.ratings((u, i, r, t) -> counts[i]++);

        // Zipf(1) over 1,000 items: the 10 most popular carry H(10)/H(1000) = 39% of ratings.
        assertThat(topShare(counts, 10)).isBetween(0.36, 0.42);
        assertThat(max(counts)).isEqualTo(counts[generator.itemIndexOfPopularityRank(0)]);
    }

    @Test
    void zeroSkewGivesUniformPopularity() {
        long[] counts = new long[SMALL.items()];
        new SyntheticGenerator(SMALL.withSkew(0, 0)).ratings((u, i, r, t) -> counts[i]++);

        assertThat(topShare(counts, 10)).isLessThan(0.02);
    }

    @Test
    void userActivityIsSkewed() {
        long[] counts = new long[SMALL.users()];
        new SyntheticGenerator(SMALL).ratings((u, i, r, t) -> counts[u]++);

        // Zipf(0.7) over 300 users: the 3 most active (1%) rate far more than 1% of the time.
        assertThat(topShare(counts, 3)).isGreaterThan(0.05);
        assertThat(Arrays.stream(counts).filter(c -> c == 0).count()).isZero();
    }

    @Test
    void timestampsStartAtTheConfiguredTimeAndStrictlyIncrease() {
        List<Rating> ratings = collect(SMALL.withSize(50, 50, 10_000).withTime(1_000_000L, 500));

        assertThat(ratings.get(0).time()).isEqualTo(1_000_000L);
        for (int k = 1; k < ratings.size(); k++) {
            long gap = ratings.get(k).time() - ratings.get(k - 1).time();
            assertThat(gap).isBetween(1L, 500L);
        }
    }

    @Test
    void aTimelineThatWouldPassTheEndIsSqueezedToEndByIt() {
        SyntheticConfig config = SMALL.withSize(50, 50, 10_000).withTime(1_000_000L, 500).withTimelineEndingBy(2_000_000L);
        List<Rating> ratings = collect(config);

        assertThat(ratings.get(0).time()).isEqualTo(1_000_000L);
        assertThat(ratings.get(ratings.size() - 1).time()).isLessThanOrEqualTo(2_000_000L);
        for (int k = 1; k < ratings.size(); k++) {
            assertThat(ratings.get(k).time()).isGreaterThan(ratings.get(k - 1).time());
        }
    }

    @Test
    void aTimelineThatEndsInTimeKeepsItsRows() {
        SyntheticConfig config = SMALL.withSize(50, 50, 1_000).withTime(1_000_000L, 500);

        assertThat(config.withTimelineEndingBy(1_000_000L + 500L * 1_000)).isEqualTo(config);
        assertThatThrownBy(() -> config.withTimelineEndingBy(1_000_500L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratings");
    }

    @Test
    void ratingsScatterAroundThePlantedScoresByTheNoiseLevel() {
        SyntheticConfig config = SMALL.withScale(RatingScale.HALF_STARS).withNoise(0.3);
        SyntheticGenerator generator = new SyntheticGenerator(config);
        PlantedTruth truth = generator.truth();
        double[] sums = new double[3];
        generator.ratings((u, i, r, t) -> {
            double expected = Math.min(5, Math.max(0.5, truth.expectedScore(u, i)));
            sums[0] += (r - expected) * (r - expected);
            sums[1] += r;
            sums[2]++;
        });

        double rmse = Math.sqrt(sums[0] / sums[2]);
        // Noise 0.3 plus half-star rounding (sd 0.144) gives about 0.33; clamping only shrinks it.
        assertThat(rmse).isBetween(0.25, 0.40);
        assertThat(sums[1] / sums[2]).isBetween(3.0, 4.0);
    }

    @Test
    void withoutNoiseRatingsAreThePlantedScoresRounded() {
        SyntheticGenerator generator = new SyntheticGenerator(SMALL.withNoise(0).withSize(100, 100, 5_000));
        PlantedTruth truth = generator.truth();

        generator.ratings((u, i, r, t) ->
                assertThat(r).isEqualTo(RatingScale.WHOLE_STARS.quantize(truth.expectedScore(u, i))));
    }

    @Test
    void genresPointTheSameWayAsTheItemFactors() {
        SyntheticGenerator generator = new SyntheticGenerator(SMALL);
        PlantedTruth truth = generator.truth();
        List<MovieRow> movies = new ArrayList<>();
        generator.movies(movies::add);
        double primary = 0;
        double all = 0;
        for (int i = 0; i < movies.size(); i++) {
            float[] q = truth.itemFactors(i);
            int g = PlantedTruth.GENRES.indexOf(movies.get(i).genres().get(0));
            primary += cosine(q, truth.genreDirection(g));
            for (int other = 0; other < PlantedTruth.GENRES.size(); other++) {
                all += cosine(q, truth.genreDirection(other)) / PlantedTruth.GENRES.size();
            }
        }

        assertThat(primary / movies.size()).isGreaterThan(0.6);
        assertThat(all / movies.size()).isBetween(-0.1, 0.1);
        assertThat(movies).allSatisfy(m -> assertThat(m.genres()).hasSizeBetween(1, 3));
    }

    @Test
    void datasetViewUsesOneBasedIdsAndExactCounts() {
        SyntheticDataset dataset = new SyntheticDataset(SMALL.withSize(20, 30, 1_000));
        List<RatingRow> ratings = new ArrayList<>();

        long count = dataset.ratings(ratings::add, new LineErrors());

        assertThat(dataset.name()).isEqualTo("synthetic");
        assertThat(count).isEqualTo(1_000);
        assertThat(dataset.ratingCountHint()).hasValue(1_000);
        assertThat(ratings).allSatisfy(r -> {
            assertThat(Integer.parseInt(r.userId())).isBetween(1, 20);
            assertThat(Integer.parseInt(r.itemId())).isBetween(1, 30);
        });
        assertThat(dataset.movies(m -> { }, new LineErrors())).isEqualTo(30);
        assertThat(dataset.users(u -> { }, new LineErrors())).isEqualTo(20);
        assertThat(dataset.description()).contains("seed 7", "20 users", "30 items", "1000 ratings");
    }

    @Test
    void invalidParametersAreRejectedNamingTheParameter() {
        SyntheticConfig d = SyntheticConfig.defaults();
        assertThatThrownBy(() -> d.withSize(0, 10, 10)).hasMessageContaining("users");
        assertThatThrownBy(() -> d.withSize(10, 10, -1)).hasMessageContaining("ratings");
        assertThatThrownBy(() -> d.withFactors(0)).hasMessageContaining("factors");
        assertThatThrownBy(() -> d.withNoise(Double.NaN)).hasMessageContaining("noise");
        assertThatThrownBy(() -> d.withSkew(-1, 0)).hasMessageContaining("itemPopularitySkew");
        assertThatThrownBy(() -> d.withTime(0, 0)).hasMessageContaining("stepMillis");
    }

    private static double topShare(long[] counts, int top) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        long head = 0;
        for (int k = 0; k < top; k++) {
            head += sorted[sorted.length - 1 - k];
        }
        return (double) head / total;
    }

    private static long max(long[] counts) {
        return Arrays.stream(counts).max().orElseThrow();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }
}
