package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.RankingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSampleTest {

    private static final ImplicitAlsConfig SMALL = ImplicitAlsConfig.defaults().withFactors(8).withIterations(10)
            .withPrior(new ImplicitPrior(0.01, 0.5, 1.0));

    @Test
    void aSetWithinTheCapIsSearchedWholeSoSmallSetsAreTunedAsBefore() {
        RatingSet data = TasteWorld.ratings(200, 60, 3, 15, 6);
        SearchSample.Sample sample = new SearchSample(data.size(), 7).of(data);
        assertThat(sample.whole()).isTrue();
        assertThat(sample.ratings()).isSameAs(data);
        AttributeRows users = AttributeRows.none(data.numUsers());
        assertThat(sample.users(users)).isSameAs(users);
    }

    @Test
    void aLargerSetKeepsWholeUsersUpToTheCapOverEveryItem() {
        RatingSet data = TasteWorld.ratings(400, 60, 3, 20, 6);
        long cap = data.size() / 4;
        SearchSample.Sample sample = new SearchSample(cap, 7).of(data);
        RatingSet s = sample.ratings();
        assertThat(sample.whole()).isFalse();
        assertThat((long) s.size()).isLessThanOrEqualTo(cap).isGreaterThan(cap - 25);
        assertThat(s.numItems()).isEqualTo(data.numItems());
        assertThat(s.numUsers()).isEqualTo(sample.original().length).isLessThan(data.numUsers());
        int[][] full = data.rowsByUser();
        int[][] drawn = s.rowsByUser();
        for (int u = 0; u < s.numUsers(); u++) {
            int[] original = full[sample.originalUser(u)];
            assertThat(drawn[u]).as("user %d keeps every rating", u).hasSameSizeAs(original);
            for (int j = 0; j < original.length; j++) {
                assertThat(s.item(drawn[u][j])).isEqualTo(data.item(original[j]));
                assertThat(s.value(drawn[u][j])).isEqualTo(data.value(original[j]));
            }
        }
        assertThat(sample.original()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theSeedDecidesWhichUsersAreDrawn() {
        RatingSet data = TasteWorld.ratings(400, 60, 3, 20, 6);
        int[] a = new SearchSample(data.size() / 4, 7).of(data).original();
        int[] again = new SearchSample(data.size() / 4, 7).of(data).original();
        int[] other = new SearchSample(data.size() / 4, 8).of(data).original();
        assertThat(again).isEqualTo(a);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void sampleUsersKeepTheirOwnAttributes() {
        ProfileWorld world = new ProfileWorld(300, 60, 3, 15, 6);
        AttributeRows full = world.userAttributes();
        SearchSample.Sample sample = new SearchSample(world.ratings.size() / 3, 7).of(world.ratings);
        AttributeRows drawn = sample.users(full);
        assertThat(drawn.rows()).isEqualTo(sample.ratings().numUsers());
        assertThat(drawn.attributes()).isEqualTo(full.attributes());
        for (int u = 0; u < drawn.rows(); u++) {
            int[] mine = Arrays.stream(drawn.of(u)).mapToObj(drawn::name).mapToInt(full::find).toArray();
            assertThat(mine).isEqualTo(full.of(sample.originalUser(u)));
        }
    }

    @Test
    void theBudgetAndTheCoresSizeTheSampleAndMoreSweepsShrinkIt() {
        long base = SearchSample.forBudget(Duration.ofSeconds(60), 8, 2, 1).maxRatings();
        assertThat(SearchSample.forBudget(Duration.ofSeconds(120), 8, 2, 1).maxRatings()).isEqualTo(2 * base);
        assertThat(SearchSample.forBudget(Duration.ofSeconds(60), 8, 4, 1).maxRatings()).isEqualTo(2 * base);
        assertThat(SearchSample.forBudget(Duration.ofSeconds(60), 16, 2, 1).maxRatings()).isEqualTo(base / 2);
        assertThat(base).as("a MovieLens 1M-sized set is searched whole at the one-minute budget")
                .isGreaterThan(1_000_000);
    }

    @Test
    void searchesOnASampledSetStillCompareCandidatesAndCalibrateWithTheSampleUsersAttributes() {
        ProfileWorld world = new ProfileWorld(400, 60, 3, 15, 6);
        SearchSample sampler = new SearchSample(world.ratings.size() / 2, 3);
        RankingTuner tuner = new RankingTuner(new RankingConfig(10, 4f), 0.1, 42, Duration.ofSeconds(30), sampler);
        RankingTuner.Result<ImplicitAlsConfig> ials = tuner.ials(world.ratings, SMALL);
        assertThat(ials.trials()).hasSizeGreaterThan(2);
        assertThat(ials.best().weight().max()).as("the scale comes from every rating").isEqualTo(5f);
        RankingTuner.Result<Double> strength = tuner.attributeStrength(world.ratings, ials.best(), world.userAttributes(),
                world.itemAttributes());
        assertThat(strength.trials()).hasSize(7);
        int sampleUsers = sampler.of(world.ratings).ratings().numUsers();
        List<Integer> seen = new ArrayList<>();
        ItemGenres genres = ItemGenres.of(world.items, world.side::genres);
        RankingTuner.Result<Double> calibration = tuner.calibration(world.ratings, ials.best(), genres,
                world.userAttributes(), (fit, users, validated) -> {
                    seen.add(users.rows());
                    assertThat(fit.users()).isEqualTo(users.rows());
                    return new AttributeAls(ials.best(), strength.best()).train(fit, users, world.itemAttributes(),
                            ImplicitAls.SweepListener.NONE, validated);
                });
        assertThat(seen).containsExactly(sampleUsers);
        assertThat(sampleUsers).isLessThan(world.ratings.numUsers());
        assertThat(calibration.trials()).as("the reference fit and at least one strength").hasSizeGreaterThan(1);
    }
}
